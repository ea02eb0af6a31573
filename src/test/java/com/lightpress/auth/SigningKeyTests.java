package com.lightpress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Api;
import com.lightpress.testing.EmbeddedServers;
import com.lightpress.testing.LightpressProcess;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Tokens and keys live in PostgreSQL: a second instance on the same database accepts and refreshes
 * the first one's tokens, and a rotated key keeps older tokens valid.
 */
@LightpressTest
class SigningKeyTests {

    static LightpressProcess second;
    static int secondPort;

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void startSecondInstance(@Autowired Environment first) {
        secondPort = EmbeddedServers.freePort();
        // the same public URL (issuer, client redirects): each instance writes the client table at start
        second = LightpressProcess.start(
                first.getRequiredProperty("spring.datasource.url"),
                secondPort,
                Map.of("lightpress.platform.public-url", first.getRequiredProperty("lightpress.platform.public-url")));
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @Test
    void secondInstanceAcceptsAndRefreshesTheFirstInstancesTokens() {
        var user = new OAuthClient(port).newUser("Load Balanced");

        meOn(secondPort, user.tokens().accessToken()).expectStatus().isOk();
        var refreshed = new OAuthClient(secondPort).refresh(user.tokens().refreshToken());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        meOn(port, Tokens.of(refreshed.body()).accessToken()).expectStatus().isOk();
    }

    @Test
    void rotationKeepsOlderTokensValidAndSignsNewOnesWithTheNewKey() {
        var client = new OAuthClient(port);
        var admin = client.admin();
        var before = client.newUser("Before Rotation");

        var kid = OAuthClient.json(Api.client(port)
                        .post()
                        .uri("/api/admin/auth/signing-keys/rotate")
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .returnResult(String.class)
                        .getResponseBody())
                .path("kid")
                .asString();

        meOn(port, before.tokens().accessToken()).expectStatus().isOk();
        var after = client.newUser("After Rotation");
        assertThat(kidOf(after.tokens().accessToken())).isEqualTo(kid);
        assertThat(kidOf(before.tokens().accessToken())).isNotEqualTo(kid);
        meOn(secondPort, after.tokens().accessToken()).expectStatus().isOk();
        var jwks = Api.client(port)
                .get()
                .uri("/oauth2/jwks")
                .exchange()
                .returnResult(String.class)
                .getResponseBody();
        assertThat(jwks).contains(kid, kidOf(before.tokens().accessToken()));
    }

    private static String kidOf(String token) {
        var header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return OAuthClient.json(header).path("kid").asString();
    }

    private static RestTestClient.ResponseSpec meOn(int port, String token) {
        return Api.client(port)
                .get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }
}
