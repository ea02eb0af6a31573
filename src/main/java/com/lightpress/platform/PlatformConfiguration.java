package com.lightpress.platform;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wiring every process needs, whichever modules it runs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformSettings.class)
@EnableScheduling
@EnableAsync
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Declared here rather than left to Boot, whose template steps back when any other
     * {@code TransactionOperations} exists (auth hands this one to Spring Session).
     */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }

    /**
     * Carries the trace (and the rest of the observation context) from the thread that publishes
     * an event to the thread that runs its asynchronous listeners, so work caused by a request
     * stays in the request's trace, across SQS to another process too.
     */
    @Bean
    ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }
}
