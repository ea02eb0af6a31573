package com.lightpress.platform.remote;

import com.lightpress.platform.TokenIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Client-credentials tokens of the issuer's internal client, fetched from its token endpoint and
 * reused until shortly before they expire.
 */
final class InternalTokens {

    private static final long RENEW_BEFORE_SECONDS = 30;

    private final Supplier<TokenIssuer> issuer;
    private final Supplier<String> issuerUrl;
    private final RestClient http;
    private final Clock clock;
    private @Nullable String token;
    private Instant renewAt = Instant.MIN;

    InternalTokens(Supplier<TokenIssuer> issuer, Supplier<String> issuerUrl, RestClient http, Clock clock) {
        this.issuer = issuer;
        this.issuerUrl = issuerUrl;
        this.http = http;
        this.clock = clock;
    }

    synchronized String current() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            var client = issuer.get();
            var credentials = "Basic "
                    + Base64.getEncoder()
                            .encodeToString((client.internalClient() + ":" + client.internalSecret())
                                    .getBytes(StandardCharsets.UTF_8));
            var response = http.post()
                    .uri(issuerUrl.get() + client.tokenPath())
                    .header("Authorization", credentials)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body("grant_type=client_credentials&scope=" + client.internalScope())
                    .retrieve()
                    .body(JsonNode.class);
            if (response == null) {
                throw new IllegalStateException("Auth answered no token");
            }
            token = response.path("access_token").asString();
            renewAt = clock.instant().plusSeconds(response.path("expires_in").asLong(60) - RENEW_BEFORE_SECONDS);
        }
        return token;
    }
}
