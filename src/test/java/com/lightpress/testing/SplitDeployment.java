package com.lightpress.testing;

import com.lightpress.platform.modules.ModuleActivation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lightpress split in two processes on one database and one SQS server, as two containers would
 * run it: {@code extracted} modules in the second process, the rest in the main one. Each
 * process has its own schema for its event registry and inbox; queues have a prefix of their own
 * so deployments of different tests never share them.
 */
public final class SplitDeployment implements AutoCloseable {

    private final List<String> extracted;
    private final String jdbcUrl = EmbeddedServers.shared().createDatabase();
    private final String queuePrefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final int mainPort = EmbeddedServers.freePort();
    private final int extractedPort = EmbeddedServers.freePort();
    private LightpressProcess main;
    private LightpressProcess extractedProcess;

    private SplitDeployment(List<String> extracted) {
        this.extracted = extracted;
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
        main = start(mainPort, localModules(false), "proc_main", overrides);
        return this;
    }

    public SplitDeployment startExtracted() {
        return startExtracted(Map.of());
    }

    public SplitDeployment startExtracted(Map<String, Object> overrides) {
        extractedProcess = start(extractedPort, extracted, "proc_extracted", overrides);
        return this;
    }

    /** The shared database refuses every connection of both processes until {@link #databaseUp()}. */
    public void databaseDown() {
        EmbeddedServers.shared().setDatabaseDown(jdbcUrl, true);
    }

    public void databaseUp() {
        EmbeddedServers.shared().setDatabaseDown(jdbcUrl, false);
    }

    public void stopMain() {
        main.close();
        main = null;
    }

    public void stopExtracted() {
        extractedProcess.close();
        extractedProcess = null;
    }

    public LightpressProcess main() {
        return main;
    }

    public LightpressProcess extracted() {
        return extractedProcess;
    }

    /** The port of the process that serves the given module's endpoints, like the load balancer. */
    public int portOf(String module) {
        return extracted.contains(module) ? extractedPort : mainPort;
    }

    public String queueOf(String module) {
        return queuePrefix + module;
    }

    @Override
    public void close() {
        if (extractedProcess != null) {
            stopExtracted();
        }
        if (main != null) {
            stopMain();
        }
    }

    private List<String> localModules(boolean extractedOnes) {
        return ModuleActivation.MODULES.stream()
                .filter(module -> extracted.contains(module) == extractedOnes)
                .toList();
    }

    private LightpressProcess start(int port, List<String> local, String schema, Map<String, Object> overrides) {
        var settings = new HashMap<String, Object>();
        var issuer = "http://127.0.0.1:" + portOf("auth");
        settings.put("lightpress.modules.local", String.join(",", local));
        ModuleActivation.MODULES.stream()
                .filter(module -> !local.contains(module))
                .forEach(module -> settings.put(
                        "lightpress.modules.remote." + module + ".url", "http://127.0.0.1:" + portOf(module)));
        settings.put("lightpress.platform.schema", schema);
        settings.put("lightpress.platform.public-url", issuer);
        settings.put("lightpress.platform.sqs.queue-prefix", queuePrefix);
        settings.put("lightpress.platform.sqs.create-queues", true);
        settings.put("lightpress.platform.sqs.visibility-timeout", "3s");
        settings.put("lightpress.platform.sqs.max-receive-count", 10);
        settings.put("lightpress.platform.events.resubmit-interval", "1s");
        settings.put("lightpress.platform.events.resubmit-after", "2s");
        settings.put("lightpress.billing.stripe.api-key", StripeStub.API_KEY);
        settings.put("lightpress.billing.stripe.webhook-secret", StripeStub.WEBHOOK_SECRET);
        settings.put("lightpress.billing.stripe.api-base", StripeStub.shared().baseUrl());
        settings.putAll(overrides);
        return LightpressProcess.start(jdbcUrl, port, settings);
    }
}
