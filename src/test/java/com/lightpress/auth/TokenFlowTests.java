package com.lightpress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;

/** Authorization code with PKCE through the real login page, and refresh-token rotation. */
@LightpressTest
class TokenFlowTests {

    @Value("${local.server.port}")
    int port;

    OAuthClient client;

    @BeforeEach
    void connect() {
        client = new OAuthClient(port);
    }

    @Test
    void accessTokenFromLoginIsAcceptedByUsers() {
        var user = client.newUser("Ada Lovelace");

        Api.client(port)
                .get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(user.email());
    }

    @Test
    void accessTokenCarriesUserClaims() {
        var user = client.newUser("Grace Hopper");

        var claims = user.tokens().claims();
        assertThat(claims.path("sub").asString()).isEqualTo(user.id());
        assertThat(claims.path("email").asString()).isEqualTo(user.email());
        assertThat(claims.path("email_verified").asBoolean()).isFalse();
        assertThat(claims.path("roles").toString()).contains("USER");
        assertThat(claims.path("auth_time").asLong()).isPositive();
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(600);
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        var user = client.newUser("Alan Turing");

        var refreshed = client.refresh(user.tokens().refreshToken());

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        var tokens = Tokens.of(refreshed.body());
        assertThat(tokens.refreshToken())
                .isNotBlank()
                .isNotEqualTo(user.tokens().refreshToken());
        assertThat(tokens.accessToken()).isNotEqualTo(user.tokens().accessToken());
        assertThat(client.refresh(tokens.refreshToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void replayInsideGraceWindowGetsTheSameFreshPair() {
        var user = client.newUser("Tab Twin");

        var first = Tokens.of(client.refresh(user.tokens().refreshToken()).body());
        var replay = client.refresh(user.tokens().refreshToken());

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        var second = Tokens.of(replay.body());
        assertThat(second.refreshToken()).isEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isEqualTo(first.accessToken());
        assertThat(client.refresh(first.refreshToken()).statusCode()).isEqualTo(200);
    }
}
