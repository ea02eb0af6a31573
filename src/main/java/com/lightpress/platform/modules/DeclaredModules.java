package com.lightpress.platform.modules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.modulith.ApplicationModule;

/**
 * The business modules as Spring Modulith's declarations name them: every direct subpackage of
 * the application's package whose {@code package-info} carries {@link ApplicationModule}, ordered
 * so that a module comes after those its {@code allowedDependencies} name. The class files are read
 * without loading them, because the answer is needed before the application context exists; a
 * new module is known as soon as it declares itself, and {@code ModularityTests} checks the list
 * against Modulith's full module model.
 */
final class DeclaredModules {

    private static final String ANNOTATION = ApplicationModule.class.getName();

    private DeclaredModules() {}

    /** The modules below {@code rootPackage} except {@code excluded}, in dependency order. */
    static List<String> below(String rootPackage, String excluded) {
        var dependencies = new TreeMap<String, List<String>>();
        var resolver = new PathMatchingResourcePatternResolver(DeclaredModules.class.getClassLoader());
        var readers = new SimpleMetadataReaderFactory(resolver);
        try {
            for (var resource :
                    resolver.getResources("classpath*:" + rootPackage.replace('.', '/') + "/*/package-info.class")) {
                var metadata = readers.getMetadataReader(resource).getAnnotationMetadata();
                var attributes = metadata.getAnnotationAttributes(ANNOTATION);
                var name = metadata.getClassName();
                var module = name.substring(rootPackage.length() + 1, name.lastIndexOf('.'));
                if (attributes != null && !module.equals(excluded)) {
                    dependencies.put(module, targets((String[]) attributes.get("allowedDependencies")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the module declarations below " + rootPackage, e);
        }
        return inDependencyOrder(dependencies);
    }

    /** {@code "auth :: events"} allows a named interface of auth: the module is auth. */
    private static List<String> targets(String[] allowed) {
        return Arrays.stream(allowed)
                .map(it -> it.split("::")[0].trim())
                .distinct()
                .toList();
    }

    private static List<String> inDependencyOrder(Map<String, List<String>> dependencies) {
        var ordered = new ArrayList<String>();
        while (ordered.size() < dependencies.size()) {
            var next = dependencies.entrySet().stream()
                    .filter(entry -> !ordered.contains(entry.getKey()))
                    .filter(entry -> entry.getValue().stream()
                            .noneMatch(it -> dependencies.containsKey(it) && !ordered.contains(it)))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The modules' allowedDependencies form a cycle: "
                            + dependencies.keySet().stream()
                                    .filter(it -> !ordered.contains(it))
                                    .toList()));
            ordered.add(next);
        }
        return List.copyOf(ordered);
    }
}
