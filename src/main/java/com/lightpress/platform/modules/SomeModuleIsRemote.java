package com.lightpress.platform.modules;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code lightpress.modules.local} leaves out at least one module. */
public class SomeModuleIsRemote implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !ModuleActivation.from(context.getEnvironment()).remote().isEmpty();
    }
}
