package com.lightpress.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm tools of the deployment checks. The build installs them into src/test/deployment (npm ci
 * from the committed package-lock.json, in process-test-classes, so that spring-boot:test-run,
 * which stops at test-compile, does not need Node.js); tests only run them, with the machine's
 * Node.js, and never download anything.
 */
final class NodeTools {

    static final Path PROJECT = Path.of("").toAbsolutePath();

    static final Path DIRECTORY = PROJECT.resolve("src/test/deployment");

    static final Path MODULES = DIRECTORY.resolve("node_modules");

    private NodeTools() {}

    static Path require(Path file) {
        if (!Files.exists(file)) {
            throw new AssertionError(file + " is missing: the deployment checks' tools are installed by"
                    + " ./mvnw process-test-classes (npm ci in src/test/deployment), which needs Node.js 20");
        }
        return file;
    }

    /** Runs a tool's script with node from the project directory and returns what it printed. */
    static Result run(String script, String... arguments) {
        var command =
                new ArrayList<>(List.of("node", require(MODULES.resolve(script)).toString()));
        command.addAll(List.of(arguments));
        try {
            var process = new ProcessBuilder(command)
                    .directory(PROJECT.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run node; the deployment checks need Node.js 20 on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    record Result(int exitCode, String output) {}
}
