package com.lightpress.deployment;

import com.lightpress.Lightpress;
import com.lightpress.platform.modules.ModuleActivation;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;

/**
 * Which module listens to which other modules' events, read from the code through Spring
 * Modulith's module model, as the application routes events: the queues a deployment gives each
 * service are checked against it, so a new listener cannot go unnoticed by the templates.
 */
final class ModuleEvents {

    private static Map<String, Set<String>> publishersByListener;

    private ModuleEvents() {}

    /** For each module, the modules whose events it listens to (empty for none). */
    static synchronized Map<String, Set<String>> publishersListenedTo() {
        if (publishersByListener == null) {
            var modules = ApplicationModules.of(Lightpress.class);
            var result = new TreeMap<String, Set<String>>();
            ModuleActivation.MODULES.forEach(module -> result.put(module, new TreeSet<>()));
            modules.forEach(module -> module.getDirectDependencies(modules, DependencyType.EVENT_LISTENER).stream()
                    .filter(dependency -> !dependency.getTargetModule().equals(module))
                    .forEach(dependency -> result.computeIfAbsent(
                                    module.getIdentifier().toString(), name -> new TreeSet<>())
                            .add(dependency.getTargetModule().getIdentifier().toString())));
            publishersByListener = result;
        }
        return publishersByListener;
    }

    /** Whether the module listens to events of any other module, so its queue has readers. */
    static boolean listens(String module) {
        return !publishersListenedTo().get(module).isEmpty();
    }
}
