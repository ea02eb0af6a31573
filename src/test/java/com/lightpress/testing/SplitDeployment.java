package com.lightpress.testing;

import com.lightpress.platform.modules.ModuleActivation;
import java.util.List;
import java.util.Map;

/**
 * Lightpress split in two processes on one database and one SQS server, as two containers would
 * run it: {@code extracted} modules in the second process (schema {@code proc_extracted}), the
 * rest in the main one (schema {@code proc_main}).
 */
public final class SplitDeployment implements AutoCloseable {

    private static final String MAIN = "main";
    private static final String EXTRACTED = "extracted";

    private final Deployment deployment = new Deployment();

    private SplitDeployment(List<String> extracted) {
        deployment.with(
                MAIN,
                "proc_main",
                ModuleActivation.MODULES.stream()
                        .filter(module -> !extracted.contains(module))
                        .toArray(String[]::new));
        if (!extracted.isEmpty()) {
            deployment.with(EXTRACTED, "proc_extracted", extracted.toArray(String[]::new));
        }
    }

    /** A deployment whose second process runs the given modules; nothing is started yet. */
    public static SplitDeployment extracting(String... modules) {
        return new SplitDeployment(List.of(modules));
    }

    public SplitDeployment startMain() {
        return startMain(Map.of());
    }

    /** Starts the main process with extra settings (to break something on purpose). */
    public SplitDeployment startMain(Map<String, Object> overrides) {
        deployment.start(MAIN, overrides);
        return this;
    }

    /** Starts both processes at the same time, as ECS starts the services of a stack. */
    public SplitDeployment startBoth() {
        deployment.startTogether(List.of(MAIN, EXTRACTED), List.of());
        return this;
    }

    public SplitDeployment startExtracted() {
        return startExtracted(Map.of());
    }

    /** Starts the extracted process with extra settings (to break something on purpose). */
    public SplitDeployment startExtracted(Map<String, Object> overrides) {
        deployment.start(EXTRACTED, overrides);
        return this;
    }

    /** The shared database refuses every connection of both processes until {@link #databaseUp()}. */
    public void databaseDown() {
        EmbeddedServers.shared().setDatabaseDown(deployment.jdbcUrl(), true);
    }

    public void databaseUp() {
        EmbeddedServers.shared().setDatabaseDown(deployment.jdbcUrl(), false);
    }

    public void stopMain() {
        deployment.stop(MAIN);
    }

    public void stopExtracted() {
        deployment.stop(EXTRACTED);
    }

    public LightpressProcess main() {
        return deployment.process(MAIN);
    }

    public LightpressProcess extracted() {
        return deployment.process(EXTRACTED);
    }

    /** The port of the process that serves the given module's endpoints, like the load balancer. */
    public int portOf(String module) {
        return deployment.portOf(module);
    }

    public String queueOf(String module) {
        return deployment.queueOf(module);
    }

    @Override
    public void close() {
        deployment.close();
    }
}
