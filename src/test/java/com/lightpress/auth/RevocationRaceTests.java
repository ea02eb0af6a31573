package com.lightpress.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lightpress.auth.credentials.Authorizations;
import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.Tokens;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/** Revoking a user's logins always wins over refreshes that are under way at the same moment. */
@LightpressTest
class RevocationRaceTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    OAuth2AuthorizationService store;

    @Autowired
    Authorizations authorizations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void refreshThatReadTheLoginBeforeItWasRevokedCannotWriteItBack() {
        var user = new OAuthClient(port).newUser("Read Before Revoked");
        var read = store.findByToken(user.tokens().refreshToken(), OAuth2TokenType.REFRESH_TOKEN);
        assertThat(read).isNotNull();

        authorizations.revokeAll(UserId.of(user.id()));
        var rotated = OAuth2Authorization.from(read)
                .refreshToken(new OAuth2RefreshToken(
                        "rotated-" + UUID.randomUUID(),
                        Instant.now(),
                        Instant.now().plusSeconds(600)))
                .build();

        assertThatThrownBy(() -> store.save(rotated)).isInstanceOf(OAuth2AuthenticationException.class);
        assertThat(store.findById(read.getId())).isNull();
        assertThat(store.findByToken(rotated.getRefreshToken().getToken().getTokenValue(), null))
                .isNull();
    }

    @Test
    void passwordChangeDuringRefreshesEndsEveryLogin() throws Exception {
        var client = new OAuthClient(port);
        var user = client.newUser("Many Devices");
        var logins = new ArrayList<Tokens>();
        logins.add(user.tokens());
        for (int i = 0; i < 5; i++) {
            logins.add(client.logIn(user.email(), user.password()));
        }
        var threads = Executors.newFixedThreadPool(logins.size());
        var started = new CountDownLatch(logins.size());
        try {
            var lastTokens = new ArrayList<Future<String>>();
            for (var login : logins) {
                lastTokens.add(threads.submit(() -> refreshUntilRefused(client, login.refreshToken(), started)));
            }
            started.await();
            changePassword(user.bearer(), user.password());

            for (var last : lastTokens) {
                assertThat(client.refresh(last.get()).statusCode()).isEqualTo(400);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM auth.authorizations WHERE principal_name = ? AND revoked_at IS NULL",
                        Integer.class,
                        user.id()))
                .isZero();
    }

    /** Keeps rotating a refresh token until the server refuses it; returns the last one it had. */
    private static String refreshUntilRefused(OAuthClient client, String refreshToken, CountDownLatch started) {
        var current = refreshToken;
        started.countDown();
        while (true) {
            var answer = client.refresh(current);
            if (answer.statusCode() != 200) {
                assertThat(answer.statusCode()).isEqualTo(400);
                return current;
            }
            current = OAuthClient.json(answer.body()).path("refresh_token").asString();
        }
    }

    private void changePassword(String bearer, String current) {
        Api.client(port)
                .post()
                .uri("/api/auth/password")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "currentPassword", current, "newPassword", "the next long passphrase " + UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isNoContent();
    }
}
