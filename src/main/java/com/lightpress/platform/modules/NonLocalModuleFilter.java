package com.lightpress.platform.modules;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Keeps the types of modules that run in another process out of component scanning, so a module
 * that is not local contributes no beans, endpoints or listeners.
 */
class NonLocalModuleFilter extends TypeExcludeFilter {

    private final ModuleActivation activation;

    NonLocalModuleFilter(ModuleActivation activation) {
        this.activation = activation;
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        return !activation.wants(reader.getClassMetadata().getClassName());
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof NonLocalModuleFilter that && activation.equals(that.activation);
    }

    @Override
    public int hashCode() {
        return activation.hashCode();
    }
}
