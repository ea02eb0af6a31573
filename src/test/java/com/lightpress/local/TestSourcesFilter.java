package com.lightpress.local;

import java.io.IOException;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Keeps classes compiled from test sources out of the local run's component scan; the local run
 * registers the few it needs itself.
 */
class TestSourcesFilter extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
        return reader.getResource().getURL().toString().contains("/test-classes/");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestSourcesFilter;
    }

    @Override
    public int hashCode() {
        return TestSourcesFilter.class.hashCode();
    }
}
