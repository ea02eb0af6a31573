package com.lightpress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.EmbeddedServersInitializer;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.Tokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A copy of the database hands out no session: issued tokens are stored sealed and found by keyed
 * digests, through indexes.
 */
@LightpressTest
class TokenStorageTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noIssuedTokenIsStoredAsItWasIssued() {
        var client = new OAuthClient(port);
        var user = client.newUser("Stored Safely");
        var tokens = user.tokens();
        var refreshed = OAuthClient.json(client.refresh(tokens.refreshToken()).body());

        var stored = jdbc.queryForObject(
                "SELECT string_agg(a::text, ' ') FROM auth.authorizations a WHERE principal_name = ?",
                String.class,
                user.id());
        var used = jdbc.queryForObject("SELECT string_agg(u::text, ' ') FROM auth.used_refresh_tokens u", String.class);

        assertThat(stored).isNotBlank();
        for (var secret : List.of(
                tokens.accessToken(),
                tokens.refreshToken(),
                tokens.idToken(),
                refreshed.path("access_token").asString(),
                refreshed.path("refresh_token").asString())) {
            assertThat(stored).doesNotContain(secret).doesNotContain(secret.substring(secret.length() - 20));
            assertThat(used).doesNotContain(secret);
        }
        assertThat(client.refresh(refreshed.path("refresh_token").asString()).statusCode())
                .isEqualTo(200);
    }

    /** A service token is a signed JWT and nothing else: issuing one, even many at once, writes nothing. */
    @Test
    void clientCredentialsTokensAreIssuedConcurrentlyWithoutBeingStored() throws Exception {
        var client = new OAuthClient(port);
        var basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("lightpress-internal:" + EmbeddedServersInitializer.INTERNAL_CLIENT_SECRET)
                                .getBytes(StandardCharsets.UTF_8));
        var before = jdbc.queryForObject("SELECT count(*) FROM auth.authorizations", Long.class);

        var answers = new ArrayList<Future<HttpResponse<String>>>();
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 40; i++) {
                answers.add(pool.submit(() -> client.token(
                        Map.of("grant_type", "client_credentials", "scope", "internal"), "/oauth2/token", basic)));
            }
            for (var answer : answers) {
                var response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(Tokens.of(response.body()).claims().path("client_id").asString())
                        .isEqualTo("lightpress-internal");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM auth.authorizations", Long.class))
                .isEqualTo(before);
    }

    @Test
    void everyKindOfTokenIsFoundThroughAnIndex() {
        for (var column : List.of(
                "state_digest",
                "code_digest",
                "access_digest",
                "id_token_digest",
                "refresh_digest",
                "user_code_digest",
                "device_code_digest")) {
            var plan = jdbc.execute((ConnectionCallback<String>) connection -> {
                try (var statement = connection.createStatement()) {
                    statement.execute("SET enable_seqscan = off");
                    var result = statement.executeQuery("EXPLAIN SELECT sealed_document FROM auth.authorizations WHERE "
                            + column + " = 'x' AND revoked_at IS NULL");
                    var text = new StringBuilder();
                    while (result.next()) {
                        text.append(result.getString(1)).append('\n');
                    }
                    statement.execute("RESET enable_seqscan");
                    return text.toString();
                }
            });
            assertThat(plan).as(column).contains("Index").doesNotContain("Seq Scan");
        }
    }
}
