package com.lightpress.testing;

import com.lightpress.platform.modules.ModuleActivation;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Lightpress deployed as a set of processes on one database and one SQS server, the way
 * containers would run it: each process has a name, a schema of its own and the modules it runs,
 * and the layout may change between starts, as it does when a module is extracted or folded back.
 * Queues have a prefix of this deployment only. The process that runs auth listens on the public
 * port, so the token issuer stays the same whichever process that is.
 */
public final class Deployment implements AutoCloseable {

    private final String jdbcUrl = EmbeddedServers.shared().createDatabase();
    private final String queuePrefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final int publicPort = EmbeddedServers.freePort();
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Map<String, Layout> layout = new LinkedHashMap<>();
    private final Map<String, Running> running = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Object> everywhere = new HashMap<>();

    /** Where a process keeps its state and which modules it runs. */
    public record Layout(String schema, List<String> modules) {}

    /** A process of this deployment that runs, in this JVM or in a JVM of its own. */
    public interface Running {

        /** Stops it: gracefully in this JVM, at once (SIGKILL) in its own. */
        void stop();
    }

    /** Names a process, its schema and its modules; a process started later uses this layout. */
    public Deployment with(String process, String schema, String... modules) {
        layout.put(process, new Layout(schema, List.of(modules)));
        return this;
    }

    /** A setting every process started from now on gets. */
    public Deployment setting(String name, Object value) {
        everywhere.put(name, value);
        return this;
    }

    /**
     * Settings that send a process's SQS calls to another endpoint (one that refuses or never
     * answers), whose queues it does not try to create at start.
     */
    public static Map<String, Object> sqsAt(String endpoint) {
        return Map.of("spring.cloud.aws.sqs.endpoint", endpoint, "lightpress.platform.sqs.create-queues", false);
    }

    /** Removes a process from the layout, after stopping it if it runs. */
    public Deployment without(String process) {
        if (running.containsKey(process)) {
            stop(process);
        }
        layout.remove(process);
        return this;
    }

    public LightpressProcess start(String process) {
        return start(process, Map.of());
    }

    /** Starts a process of the layout in this JVM, with extra settings (to break something on purpose). */
    public LightpressProcess start(String process, Map<String, Object> overrides) {
        var settings = settings(process);
        settings.putAll(overrides);
        var started = LightpressProcess.start(jdbcUrl, portOf(process, layout.get(process)), settings);
        running.put(process, new InThisJvm(started));
        return started;
    }

    /**
     * Starts processes of the layout at the same time, as ECS starts the services of a stack, each
     * in this JVM except those named in {@code ownJvm}.
     */
    public void startTogether(List<String> processes, List<String> ownJvm) {
        CompletableFuture.allOf(processes.stream()
                        .map(process -> CompletableFuture.runAsync(() -> {
                            if (ownJvm.contains(process)) {
                                startInItsOwnJvm(process);
                            } else {
                                start(process);
                            }
                        }))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    /** Stops every running process at the same time. */
    public void stopAll() {
        CompletableFuture.allOf(List.copyOf(running.keySet()).stream()
                        .map(process -> CompletableFuture.runAsync(() -> stop(process)))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    /** Starts a process of the layout in a JVM of its own, which {@link #stop} kills without warning. */
    public Running startInItsOwnJvm(String process) {
        var started = SeparateJvm.start(jdbcUrl, portOf(process, layout.get(process)), settings(process));
        running.put(process, started);
        return started;
    }

    public void stop(String process) {
        var stopped = running.remove(process);
        if (stopped != null) {
            stopped.stop();
        }
    }

    public boolean isRunning(String process) {
        return running.containsKey(process);
    }

    /** A process running in this JVM. */
    public LightpressProcess process(String process) {
        if (!(running.get(process) instanceof InThisJvm started)) {
            throw new IllegalStateException(process + " does not run in this JVM");
        }
        return started.process();
    }

    /** The port of the process that serves a module's endpoints, like the load balancer. */
    public int portOf(String module) {
        return layout.entrySet().stream()
                .filter(entry -> entry.getValue().modules().contains(module))
                .findFirst()
                .map(entry -> portOf(entry.getKey(), entry.getValue()))
                .orElseThrow(() -> new IllegalStateException("No process runs " + module));
    }

    public String queueOf(String module) {
        return queuePrefix + module;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The database, reached without any process of the deployment. */
    public JdbcTemplate database() {
        var embedded = EmbeddedServersInitializer.properties(EmbeddedServers.shared(), jdbcUrl);
        return new JdbcTemplate(new DriverManagerDataSource(
                jdbcUrl,
                String.valueOf(embedded.get("spring.datasource.username")),
                String.valueOf(embedded.get("spring.datasource.password"))));
    }

    /** Stops every process at once: each waits for its listeners' polls under way. */
    @Override
    public void close() {
        stopAll();
    }

    private int portOf(String process, Layout processLayout) {
        if (processLayout == null) {
            throw new IllegalStateException("No process " + process + " in the layout " + layout.keySet());
        }
        var authProcess = layout.entrySet().stream()
                .filter(entry -> entry.getValue().modules().contains("auth"))
                .map(Map.Entry::getKey)
                .findFirst();
        if (authProcess.filter(process::equals).isPresent()) {
            return publicPort;
        }
        return ports.computeIfAbsent(process, name -> EmbeddedServers.freePort());
    }

    private Map<String, Object> settings(String process) {
        var local = layout.get(process);
        var settings = new HashMap<String, Object>();
        settings.put("lightpress.modules.local", String.join(",", local.modules()));
        ModuleActivation.MODULES.stream()
                .filter(module -> !local.modules().contains(module))
                .forEach(module -> settings.put(
                        "lightpress.modules.remote." + module + ".url", "http://127.0.0.1:" + portOf(module)));
        settings.put("lightpress.platform.schema", local.schema());
        settings.put("lightpress.platform.public-url", "http://127.0.0.1:" + publicPort);
        settings.put("lightpress.platform.sqs.queue-prefix", queuePrefix);
        settings.put("lightpress.platform.sqs.create-queues", true);
        settings.put("lightpress.platform.sqs.visibility-timeout", "3s");
        settings.put("lightpress.platform.sqs.max-receive-count", 10);
        // a process that stops waits for its long poll under way
        settings.put("lightpress.platform.sqs.poll-timeout", "1s");
        settings.put("lightpress.platform.events.resubmit-interval", "1s");
        settings.put("lightpress.platform.events.resubmit-after", "2s");
        settings.put("lightpress.billing.stripe.api-key", StripeStub.API_KEY);
        settings.put("lightpress.billing.stripe.webhook-secret", StripeStub.WEBHOOK_SECRET);
        settings.put("lightpress.billing.stripe.api-base", StripeStub.shared().baseUrl());
        settings.putAll(everywhere);
        return settings;
    }

    private record InThisJvm(LightpressProcess process) implements Running {

        @Override
        public void stop() {
            process.close();
        }
    }
}
