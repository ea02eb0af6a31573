package com.lightpress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.ControlledClock;
import com.lightpress.testing.EventRecorder;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.MutableClock;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.Publications;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reset form tells nobody whether an address is registered, however it is asked, and cannot
 * be used to flood an owner's mailbox.
 */
@LightpressTest(properties = "lightpress.auth.requests.password-resets-per-address=100")
@Import(ControlledClock.class)
class PasswordResetAbuseTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    EventRecorder events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    OAuthClient client;

    @BeforeEach
    void connect() {
        client = new OAuthClient(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void concurrentRequestsAnswerAlikeForAnyAddressAndSendOneEmail() throws Exception {
        var user = client.newUser("Flooded");
        var unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        var threads = Executors.newFixedThreadPool(40);
        var answers = new ArrayList<Future<HttpResponse<String>>>();
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(threads.submit(reset(user.email())));
                answers.add(threads.submit(reset(unknown)));
            }
            var distinct = new ArrayList<String>();
            for (var answer : answers) {
                var response = answer.get();
                distinct.add(response.statusCode() + " " + response.body());
            }
            assertThat(distinct.stream().distinct()).hasSize(1).allMatch(answer -> answer.startsWith("202 "));
        } finally {
            threads.shutdownNow();
        }

        Publications.awaitAllCompleted(jdbc);
        assertThat(events.all(PasswordResetRequested.class).stream()
                        .filter(event -> event.userId().toString().equals(user.id())))
                .hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM notifications.deliveries WHERE user_id = ?::uuid AND template = 'password-reset'",
                        Integer.class,
                        user.id()))
                .isEqualTo(1);
    }

    @Test
    void aNewResetTokenReplacesTheOlderOne() throws Exception {
        var user = client.newUser("Asks Twice");
        reset(user.email()).call();
        var first = events.awaitOne(
                        PasswordResetRequested.class,
                        event -> event.userId().toString().equals(user.id()))
                .resetToken();

        clock.setTo(clock.instant().plus(Duration.ofMinutes(6)));
        reset(user.email()).call();
        var second = events.awaitOne(
                        PasswordResetRequested.class,
                        event -> event.userId().toString().equals(user.id())
                                && !event.resetToken().equals(first))
                .resetToken();

        assertThat(confirm(first).statusCode()).isEqualTo(400);
        assertThat(confirm(second).statusCode()).isEqualTo(204);
    }

    @Test
    void oneAddressCannotAskWithoutLimitAndIsToldWhenToComeBack() throws Exception {
        var address = "192.0.2." + Math.floorMod(UUID.randomUUID().hashCode(), 250) + ", 10.0.0.1";
        for (int i = 0; i < 100; i++) {
            assertThat(reset("someone-" + i + "@example.com", address).call().statusCode())
                    .isEqualTo(202);
        }

        var refused = reset("one-more@example.com", address).call();

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private Callable<HttpResponse<String>> reset(String email) {
        return reset(email, null);
    }

    private Callable<HttpResponse<String>> reset(String email, String forwardedFor) {
        return () -> {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/password-reset"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}"));
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        };
    }

    private HttpResponse<String> confirm(String token) {
        return client.post(
                "/api/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "a fresh long passphrase " + UUID.randomUUID()));
    }
}
