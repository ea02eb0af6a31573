package com.lightpress.notifications.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A stream lives no longer than the access token that opened it, ends when the user's sessions
 * are revoked, and one user cannot hold more than a few at once. Access tokens here last seconds.
 */
@LightpressTest(properties = {"lightpress.auth.tokens.access-token=10s", "lightpress.notifications.stream.per-user=2"})
class StreamLifetimeTests {

    @Value("${local.server.port}")
    int port;

    OAuthClient client;

    @BeforeEach
    void connect() {
        client = new OAuthClient(port);
    }

    @Test
    void streamEndsWhenTheTokenThatOpenedItExpires() {
        var user = client.newUser("Short Lived");
        try (var sse = open(user)) {
            sse.awaitLine(":connected"::equals);

            sse.awaitEnd(Duration.ofSeconds(30));
        }
    }

    @Test
    void aUserCannotHoldMoreStreamsThanAllowed() {
        var user = client.newUser("Many Tabs");
        try (var first = open(user);
                var second = open(user);
                var third = SseClient.open(port, "/api/notifications/stream", Map.of("Authorization", user.bearer()))) {
            first.awaitLine(":connected"::equals);
            second.awaitLine(":connected"::equals);

            assertThat(third.status()).isEqualTo(429);
            assertThat(third.response().headers().firstValue("Retry-After")).isPresent();
            assertThat(third.response().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        }
    }

    @Test
    void changingThePasswordEndsTheOpenStreams() {
        var user = client.newUser("Changes Password");
        // a token issued just now, so its ten seconds outlast what follows even on a slow machine
        var fresh = client.logIn(user.email(), user.password());
        try (var sse = SseClient.open(
                port, "/api/notifications/stream", Map.of("Authorization", "Bearer " + fresh.accessToken()))) {
            sse.awaitLine(":connected"::equals);

            Api.client(port)
                    .post()
                    .uri("/api/auth/password")
                    .header(HttpHeaders.AUTHORIZATION, user.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of(
                            "currentPassword",
                            user.password(),
                            "newPassword",
                            "another long passphrase " + UUID.randomUUID()))
                    .exchange()
                    .expectStatus()
                    .isNoContent();

            sse.awaitEnd(Duration.ofSeconds(5));
            var tokenExpiry = Instant.ofEpochSecond(fresh.claims().path("exp").asLong());
            assertThat(Instant.now())
                    .as("ended by the revocation, not the token's expiry")
                    .isBefore(tokenExpiry);
        }
    }

    private SseClient open(TestUser user) {
        var sse = SseClient.open(port, "/api/notifications/stream", Map.of("Authorization", user.bearer()));
        assertThat(sse.status()).isEqualTo(200);
        return sse;
    }
}
