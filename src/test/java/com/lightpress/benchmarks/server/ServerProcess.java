package com.lightpress.benchmarks.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A server in a JVM of its own, started from a command line and ready when a URL answers 200. The
 * time to ready is measured from the start of the process, so it includes the JVM's own start, to
 * the first 200 of the URL, asked every 20 ms.
 */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final Process process;
    private final Duration readyAfter;

    private ServerProcess(Process process, Duration readyAfter) {
        this.process = process;
        this.readyAfter = readyAfter;
    }

    /**
     * @param jvm options and the main class or jar, e.g. {@code -jar app.jar}
     * @param properties Spring properties, passed as {@code --name=value} arguments
     */
    static ServerProcess start(List<String> jvm, Map<String, ?> properties, String readyUrl, Path log)
            throws IOException, InterruptedException {
        var started = System.nanoTime();
        var process = launch(jvm, properties, log);
        try {
            // every 20 ms, not in a loop without pause: that took a core the starting server needs
            await().atMost(Duration.ofMinutes(3))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .failFast("the server exited", () -> !process.isAlive())
                    .until(() -> answers(readyUrl));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The server did not become ready; see " + log, e);
        }
        return new ServerProcess(process, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Runs a command that ends by itself (a CDS training run) and waits for it. */
    static void runToEnd(List<String> jvm, Map<String, ?> properties, Path log)
            throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        Files.createDirectories(log.getParent());
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("Exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** This JVM's java with the given options, and Spring properties as {@code --name=value}. */
    private static Process launch(List<String> jvm, Map<String, ?> properties, Path log) throws IOException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    Duration readyAfter() {
        return readyAfter;
    }

    /** Resident memory of the process now, in MiB. */
    double residentMib() throws IOException {
        for (var line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("No VmRSS for " + process.pid());
    }

    private static boolean answers(String url) {
        try {
            var response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
