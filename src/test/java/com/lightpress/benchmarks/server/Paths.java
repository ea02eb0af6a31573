package com.lightpress.benchmarks.server;

import com.lightpress.benchmarks.server.Load.Request;
import com.lightpress.testing.Browser;
import com.lightpress.testing.OAuthClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * The requests the benchmark sends to one Lightpress, each as a real client would: a service
 * asking for a client-credentials token, a browser logging in through the form (authorization
 * code with PKCE, then the token exchange), authenticated and public reads, and junk refreshes.
 */
final class Paths {

    static final String INTERNAL_CLIENT_SECRET = "benchmark-internal-client-secret";
    private static final String PASSWORD = "correct horse battery staple benchmark";

    private final int port;
    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private List<String> users = List.of();

    Paths(int port) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    /** The same users, through another port (a proxy in front of one or more instances). */
    Paths through(int otherPort) {
        var paths = new Paths(otherPort);
        paths.users = users;
        return paths;
    }

    /** Signs up the users that the login paths log in, each from an address of its own. */
    void signUpUsers(int count) {
        users = IntStream.range(0, count)
                .mapToObj(i -> "benchmark-" + i + "-" + System.nanoTime() + "@example.com")
                .toList();
        for (var email : users) {
            var body =
                    "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Benchmark\"}".formatted(email, PASSWORD);
            var response = send(HttpRequest.newBuilder(uri("/api/auth/signup"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", randomAddress())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Sign-up answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    /** An access token of the first user, through the whole browser login. */
    String userToken() {
        return new OAuthClient(port).logIn(users.get(0), PASSWORD).accessToken();
    }

    Wrk.Call clientCredentials() {
        var basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                ("lightpress-internal:" + INTERNAL_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        return new Wrk.Call(
                "POST",
                base + "/oauth2/token",
                Map.of("Authorization", basic, "Content-Type", "application/x-www-form-urlencoded"),
                "grant_type=client_credentials&scope=internal");
    }

    /** A new browser session per login (cookies forgotten), from an address of its own each time. */
    Request browserLogin(int worker) {
        var client = new OAuthClient(port);
        var browser = new Browser(port);
        var email = users.get(worker % users.size());
        return () -> {
            browser.forgetCookies();
            browser.from(randomAddress());
            return client.logIn(browser, email, PASSWORD, Map.of()).accessToken() != null;
        };
    }

    Wrk.Call get(String path, String bearer) {
        return new Wrk.Call(
                "GET", base + path, bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer), null);
    }

    /** The call as a request of the Java load generator; a 200 answer is a success. */
    Request send(Wrk.Call call) {
        var builder = HttpRequest.newBuilder(URI.create(call.url()))
                .method(
                        call.method(),
                        call.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(call.body()));
        call.headers().forEach(builder::header);
        var request = builder.build();
        return () -> send(request).statusCode() == 200;
    }

    /** A refresh with a random token: the answer must be 400 invalid_grant, never a 5xx. */
    Request junkRefresh() {
        return () -> {
            var form = "grant_type=refresh_token&client_id=lightpress-web&refresh_token=" + OAuthClient.randomString();
            var response = send(HttpRequest.newBuilder(uri("/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build());
            return response.statusCode() == 400;
        };
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String randomAddress() {
        var random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
