package com.lightpress.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer without stickiness in front of several Lightpress instances, as production
 * runs them: every request goes to an instance of its own choosing (at random, or in turn), with
 * the forwarding headers a real one sets, so the instances build their links for its address.
 * Responses stream through, Server-Sent Events included.
 */
public final class LoadBalancer implements AutoCloseable {

    /** How an instance is chosen for each request. */
    public enum Routing {
        RANDOM,
        ROUND_ROBIN
    }

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "content-length",
            "expect",
            "host",
            "keep-alive",
            "transfer-encoding",
            "upgrade",
            "te",
            "trailer",
            "proxy-connection",
            "http2-settings");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Routing routing;
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<Integer, AtomicInteger> served = new ConcurrentHashMap<>();
    private volatile List<Integer> instances = List.of();

    private LoadBalancer(HttpServer server, Routing routing) {
        this.server = server;
        this.routing = routing;
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    /** Listens on a free port of 127.0.0.1; {@link #routeTo} names the instances. */
    public static LoadBalancer start(Routing routing) {
        try {
            var server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByName("127.0.0.1"), EmbeddedServers.freePort()), 100);
            return new LoadBalancer(server, routing);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the load balancer", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** From now on, requests go to these instances (by port); an instance left out gets none. */
    public void routeTo(List<Integer> ports) {
        instances = List.copyOf(ports);
    }

    /** How many requests each instance was sent. */
    public Map<Integer, Integer> served() {
        var counts = new ConcurrentHashMap<Integer, Integer>();
        served.forEach((port, count) -> counts.put(port, count.get()));
        return counts;
    }

    private int choose() {
        var current = instances;
        return routing == Routing.RANDOM
                ? current.get(ThreadLocalRandom.current().nextInt(current.size()))
                : current.get(Math.floorMod(turn.getAndIncrement(), current.size()));
    }

    private void forward(HttpExchange exchange) throws IOException {
        var instance = choose();
        served.computeIfAbsent(instance, port -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            var response = http.send(request(exchange, instance), HttpResponse.BodyHandlers.ofInputStream());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            var bodiless = response.statusCode() == 204
                    || response.statusCode() == 304
                    || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.statusCode(), bodiless ? -1 : 0);
            try (var body = response.body()) {
                if (!bodiless) {
                    stream(body, exchange.getResponseBody());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest request(HttpExchange exchange, int instance) throws IOException {
        var target = URI.create(
                "http://127.0.0.1:" + instance + exchange.getRequestURI().toString());
        var body = exchange.getRequestBody().readAllBytes();
        var request = HttpRequest.newBuilder(target)
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.toLowerCase().startsWith("x-forwarded")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        // appended to what the client sent, as a load balancer does, so the instances see the
        // client's own address when it comes through a trusted proxy of its own
        var client = exchange.getRemoteAddress().getAddress().getHostAddress();
        var forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
        return request.header("X-Forwarded-For", forwarded == null ? client : forwarded + ", " + client)
                .header("X-Forwarded-Host", "127.0.0.1")
                .header("X-Forwarded-Port", String.valueOf(port()))
                .header("X-Forwarded-Proto", "http")
                .build();
    }

    /** Copies as data arrives, so an event stream reaches the client event by event. */
    private static void stream(InputStream from, OutputStream to) throws IOException {
        var buffer = new byte[8192];
        for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
            to.write(buffer, 0, read);
            to.flush();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
