package com.lightpress.testing;

import java.io.IOException;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Keeps classes compiled from test sources out of the component scan of an application started
 * outside Spring's test support (the local run, extra processes in tests), which would otherwise
 * pick up every test's configuration; they register the few test classes they need themselves.
 */
public class TestSourcesFilter extends TypeExcludeFilter {

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
