package com.lightpress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;

/**
 * A flood of refresh requests with made-up tokens, which needs no login, cannot starve anything
 * else, with a pool of one connection: every request, the browser login included, works with one
 * connection at a time, so none waits for itself until the pool's timeout (which answers 500).
 * The flood: 150 junk refreshes from 50 threads at once (the review sent 120 from 30), each
 * answered {@code 400 invalid_grant}.
 */
@LightpressTest(properties = "spring.datasource.hikari.maximum-pool-size=1")
class RefreshFloodTests {

    @Value("${local.server.port}")
    int port;

    static final int JUNK_THREADS = 50;

    OAuthClient client;
    ExecutorService threads;
    ExecutorService junkThreads;

    @BeforeEach
    void connect() {
        client = new OAuthClient(port);
        threads = Executors.newFixedThreadPool(20);
        junkThreads = Executors.newFixedThreadPool(JUNK_THREADS);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        junkThreads.shutdownNow();
    }

    @Test
    void loginAndRefreshWorkWithOneConnection() {
        var user = client.newUser("One Connection");

        var refreshed = client.refresh(user.tokens().refreshToken());

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    }

    @Test
    void junkRefreshFloodLeavesNormalTrafficServed() throws Exception {
        var user = client.newUser("Keeps Working");
        var start = new CountDownLatch(1);
        var junk = new ArrayList<Future<HttpResponse<String>>>();
        for (int i = 0; i < 3 * JUNK_THREADS; i++) {
            junk.add(junkThreads.submit(() -> {
                start.await();
                return client.refresh(OAuthClient.randomString());
            }));
        }
        start.countDown();
        var normal = new ArrayList<Future<Timed>>();
        for (int i = 0; i < 10; i++) {
            normal.add(threads.submit(timed(() -> profileStatus(user.bearer()))));
            normal.add(threads.submit(timed(() -> client.post(
                            "/api/auth/password-reset", Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com"))
                    .statusCode())));
        }
        var ownRefresh = client.refresh(user.tokens().refreshToken());

        for (var refused : junk) {
            var answer = refused.get(2, TimeUnit.MINUTES);
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(OAuthClient.json(answer.body()).path("error").asString()).isEqualTo("invalid_grant");
        }
        assertThat(results(normal))
                .allSatisfy(result ->
                        assertThat(result.status()).as("took %s", result.took()).isIn(200, 202));
        assertThat(ownRefresh.statusCode()).as(ownRefresh.body()).isEqualTo(200);
        assertThat(ownRefresh.body()).contains("refresh_token");
    }

    private int profileStatus(String bearer) {
        return Api.client(port)
                .get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }

    private static Callable<Timed> timed(Callable<Integer> request) {
        return () -> {
            var start = System.nanoTime();
            var status = request.call();
            return new Timed(status, Duration.ofNanos(System.nanoTime() - start));
        };
    }

    private static List<Timed> results(List<Future<Timed>> futures) throws Exception {
        var results = new ArrayList<Timed>();
        for (var future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private record Timed(int status, Duration took) {}
}
