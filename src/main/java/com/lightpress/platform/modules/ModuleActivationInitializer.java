package com.lightpress.platform.modules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Registers the module activation and its scanning filter before component scanning starts; it is
 * listed in {@code META-INF/spring.factories} because a bean would come too late.
 */
class ModuleActivationInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleActivationInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var activation = ModuleActivation.from(context.getEnvironment());
        var beanFactory = context.getBeanFactory();
        beanFactory.registerSingleton("moduleActivation", activation);
        beanFactory.registerSingleton(NonLocalModuleFilter.class.getName(), new NonLocalModuleFilter(activation));
        LOG.info("Lightpress modules: {}", activation);
    }
}
