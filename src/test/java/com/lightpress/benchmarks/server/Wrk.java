package com.lightpress.benchmarks.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * wrk, where it is installed: a load generator written in C, which takes far less of the
 * machine's CPU than one in Java would, so more of it is left to the server being measured (and it
 * is what Keycloak's own figures are usually measured with). Without it the benchmark uses its
 * Java generator, {@link Load}, and says so.
 */
final class Wrk {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.0+)?%\\s+([\\d.]+)(us|ms|s)\\s*$");

    /** One request, sent again and again: method, URL, headers and body. */
    record Call(String method, String url, Map<String, String> headers, String body) {}

    private Wrk() {}

    static boolean installed() {
        try {
            new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start().waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Load.Result run(int connections, Duration duration, Call call, Path work) throws Exception {
        var script = Files.createTempFile(Files.createDirectories(work), "wrk-", ".lua");
        Files.writeString(script, script(call));
        try {
            var command = List.of(
                    "wrk",
                    "-t" + Math.min(connections, Runtime.getRuntime().availableProcessors()),
                    "-c" + connections,
                    "-d" + duration.toSeconds() + "s",
                    "--latency",
                    "-s",
                    script.toString(),
                    call.url());
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed: " + output);
            }
            return parse(output, duration);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static Load.Result parse(String output, Duration duration) {
        var total = find(REQUESTS, output, -1);
        if (total < 0) {
            throw new IllegalStateException("Cannot read wrk's output: " + output);
        }
        var failed = find(NON_2XX, output, 0);
        var percentiles = new ArrayList<Double>();
        for (var line : output.lines().toList()) {
            var matcher = PERCENTILE.matcher(line);
            if (matcher.matches()) {
                var value = Double.parseDouble(matcher.group(2));
                percentiles.add(
                        switch (matcher.group(3)) {
                            case "us" -> value / 1000;
                            case "s" -> value * 1000;
                            default -> value;
                        });
            }
        }
        var ok = total - failed;
        return new Load.Result(
                ok / (double) duration.toSeconds(), percentiles.get(0), percentiles.get(1), (int) ok, (int) failed);
    }

    private static long find(Pattern pattern, String output, long otherwise) {
        var matcher = pattern.matcher(output);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : otherwise;
    }

    private static String script(Call call) {
        var headers = call.headers().entrySet().stream()
                .map(header -> "wrk.headers[%s] = %s".formatted(lua(header.getKey()), lua(header.getValue())))
                .collect(Collectors.joining("\n"));
        var body = call.body() == null ? "" : "wrk.body = " + lua(call.body());
        return "wrk.method = %s\n%s\n%s\n".formatted(lua(call.method()), headers, body);
    }

    private static String lua(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
