package com.lightpress.platform.messaging;

import com.lightpress.platform.modules.ModuleActivation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.util.function.SingletonSupplier;

/**
 * Which events cross the process boundary, derived from Spring Modulith's module model rather than
 * written by hand: a module's listener methods for another module's events are its
 * event-listener dependencies. An event goes to the queue of every remote module that listens to
 * it, but only from the process where the module that publishes it runs, so an event that arrived
 * over SQS is never sent out again.
 */
class EventRouting {

    private final ModuleActivation activation;
    private final Supplier<Map<String, Set<String>>> listeners;

    public EventRouting(Supplier<ApplicationModules> modules, ModuleActivation activation) {
        this.activation = activation;
        this.listeners = SingletonSupplier.of(() -> listenersByEventType(modules.get()));
    }

    /** The remote modules an event published here must reach, sorted; empty if none. */
    public List<String> remoteConsumersOf(Object event) {
        if (activation.remote().isEmpty()) {
            return List.of();
        }
        var type = event.getClass().getName();
        if (!ModuleActivation.moduleOf(type).map(activation::isLocal).orElse(false)) {
            return List.of();
        }
        return listeners.get().getOrDefault(type, Set.of()).stream()
                .filter(module -> !activation.isLocal(module))
                .toList();
    }

    /** The local modules whose listeners need events that modules in other processes publish. */
    public List<String> localModulesListeningToRemoteEvents() {
        if (activation.remote().isEmpty()) {
            return List.of();
        }
        return activation.local().stream()
                .filter(module -> listeners.get().entrySet().stream()
                        .anyMatch(entry -> entry.getValue().contains(module) && isRemotelyPublished(entry.getKey())))
                .toList();
    }

    /** The remote modules that listen to events of local modules: the queues this process sends to. */
    public List<String> remoteModulesListeningToLocalEvents() {
        return activation.remote().stream()
                .filter(module -> publishersListenedToBy(module).stream().anyMatch(activation::isLocal))
                .toList();
    }

    /** The modules whose events the given module listens to. */
    public Set<String> publishersListenedToBy(String module) {
        var publishers = new TreeSet<String>();
        listeners.get().forEach((type, modules) -> {
            if (modules.contains(module)) {
                ModuleActivation.moduleOf(type).ifPresent(publishers::add);
            }
        });
        return publishers;
    }

    /** Whether an event type received from another process has a listener in this one. */
    public boolean hasLocalListener(String eventType) {
        return listeners.get().getOrDefault(eventType, Set.of()).stream().anyMatch(activation::isLocal);
    }

    private boolean isRemotelyPublished(String eventType) {
        return ModuleActivation.moduleOf(eventType)
                .map(module -> !activation.isLocal(module))
                .orElse(false);
    }

    private static Map<String, Set<String>> listenersByEventType(ApplicationModules modules) {
        var result = new HashMap<String, Set<String>>();
        modules.forEach(module -> module.getDirectDependencies(modules, DependencyType.EVENT_LISTENER).stream()
                .filter(dependency -> !dependency.getTargetModule().equals(module))
                .forEach(dependency -> result.computeIfAbsent(
                                dependency.getTargetType().getName(), type -> new TreeSet<>())
                        .add(name(module))));
        return result;
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }
}
