package com.lightpress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A burst of sign-ups costs bounded memory: no more password hashes run at once than allowed, the
 * rest are told to come back (503 with Retry-After), and the process stays up. Request bodies are
 * bounded too. Hashing here costs 32 MiB, with one slot and no waiting, so the burst must collide.
 */
@LightpressTest(
        properties = {
            "lightpress.auth.password-hashing.memory-kib=32768",
            "lightpress.auth.password-hashing.max-concurrent=1",
            "lightpress.auth.password-hashing.max-wait=0s",
            "lightpress.auth.requests.sign-ups-per-address=1000"
        })
class HashingCapacityTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void burstOfSignUpsRunsAtMostTheAllowedHashesAndRefusesTheRestCleanly() throws Exception {
        var hashes = meters.get("lightpress.auth.password.hashes").timer();
        var hashedBefore = hashes.count();
        var threads = Executors.newFixedThreadPool(100);
        var answers = new ArrayList<Future<HttpResponse<String>>>();
        try {
            for (int i = 0; i < 200; i++) {
                var email = "burst-" + UUID.randomUUID() + "@example.com";
                answers.add(threads.submit(() -> post(
                        "/api/auth/signup",
                        "{\"email\":\"" + email + "\",\"password\":\"a long enough passphrase " + UUID.randomUUID()
                                + "\",\"displayName\":\"Burst\"}")));
            }
            var busy = 0;
            var accepted = 0;
            for (var answer : answers) {
                var response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isIn(202, 503);
                if (response.statusCode() == 202) {
                    accepted++;
                } else {
                    busy++;
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                }
            }
            assertThat(busy).as("some sign-ups found every slot taken").isPositive();
            assertThat(hashes.count() - hashedBefore)
                    .as("one hash timed per accepted sign-up, none for a refused one")
                    .isEqualTo(accepted);
        } finally {
            threads.shutdownNow();
        }

        assertThat(meters.get("lightpress.auth.password.hashes.most.at.once")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(new OAuthClient(port).newUser("After The Burst").tokens().accessToken())
                .isNotBlank();
    }

    @Test
    void bodiesLargerThanTheLimitAreRefused413() throws Exception {
        var huge = "{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "@example.com\"}";

        var declared = post("/api/auth/password-reset", huge);
        var chunked = send(HttpRequest.newBuilder(uri("/api/auth/password-reset"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(huge)))
                .build());
        var webhook = post("/api/billing/stripe/webhook", huge);

        for (var response : new HttpResponse<?>[] {declared, chunked, webhook}) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    private HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
