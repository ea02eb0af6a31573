package com.lightpress.testing;

import static org.awaitility.Awaitility.await;

import com.lightpress.Lightpress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Lightpress process in a JVM of its own, started with the production main class on the test
 * classpath and the shared embedded servers, so that a test can stop it the way a crash or an
 * out-of-memory kill does: SIGKILL, no shutdown hooks, no graceful shutdown. Its log goes to
 * {@code target/separate-jvm-<port>.log}.
 */
final class SeparateJvm implements Deployment.Running {

    /**
     * A JVM of its own starts cold (no class data shared with the test JVM, no warm JIT): on a
     * busy two-core machine it has been seen to need more than two minutes.
     */
    private static final Duration STARTUP = Duration.ofSeconds(240);

    private final Process process;

    private SeparateJvm(Process process) {
        this.process = process;
    }

    static SeparateJvm start(String jdbcUrl, int port, Map<String, Object> settings) {
        var properties =
                new HashMap<String, Object>(EmbeddedServersInitializer.properties(EmbeddedServers.shared(), jdbcUrl));
        properties.put("server.port", port);
        properties.putAll(settings);
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-XX:ReservedCodeCacheSize=240m",
                // DevTools is on the test class path; the process runs as in production, without
                // its restart class loader and its development defaults.
                "-Dspring.devtools.restart.enabled=false",
                "-cp",
                System.getProperty("java.class.path"),
                Lightpress.class.getName()));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        try {
            var log = Path.of("target", "separate-jvm-" + port + ".log");
            Files.createDirectories(log.getParent());
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            var started = new SeparateJvm(process);
            started.awaitReady(port, log);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a separate JVM", e);
        }
    }

    /** Kills the JVM at once, as the kernel would: nothing in it gets to run again. */
    @Override
    public void stop() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(int port, Path log) {
        var http = HttpClient.newHttpClient();
        var readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The separate JVM exited; see " + log.toAbsolutePath());
                }
                try {
                    return http.send(readiness, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }
}
