package com.lightpress.testing;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a Server-Sent Events stream the way Lightpress's web client does: a plain streaming GET
 * with headers (the bearer token), not EventSource. Lines are collected as they arrive; close it
 * to hang up.
 */
public final class SseClient implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;
    private volatile boolean ended;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-client");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void read() {
        try {
            response.body().forEach(lines::add);
        } catch (RuntimeException e) {
            // closed by close() or by the server; the lines so far stay readable
        } finally {
            ended = true;
        }
    }

    /** Opens the stream and returns once the response headers have arrived. */
    public static SseClient open(int port, String path, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            return new SseClient(http.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open " + path, e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public HttpResponse<Stream<String>> response() {
        return response;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits for a line that matches, and returns it. */
    public String awaitLine(Predicate<String> matching) {
        return await().atMost(PATIENCE)
                .until(() -> lines.stream().filter(matching).findFirst(), found -> found.isPresent())
                .orElseThrow();
    }

    /** The data lines of events of the given name, in order. */
    public List<String> data(String eventName) {
        var found = new CopyOnWriteArrayList<String>();
        var inEvent = false;
        for (var line : lines) {
            if (line.isEmpty()) {
                inEvent = false;
            } else if (line.equals("event:" + eventName)) {
                inEvent = true;
            } else if (inEvent && line.startsWith("data:")) {
                found.add(line.substring("data:".length()));
            }
        }
        return List.copyOf(found);
    }

    /** Waits until at least {@code count} events of the name arrived, and returns their data. */
    public List<String> awaitData(String eventName, int count) {
        return await().atMost(PATIENCE).until(() -> data(eventName), data -> data.size() >= count);
    }

    /** Waits until the server ends the stream. */
    public void awaitEnd(Duration patience) {
        await().atMost(patience).until(() -> ended);
    }

    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
