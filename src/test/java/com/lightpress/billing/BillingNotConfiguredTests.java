package com.lightpress.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.StripeJson;
import com.lightpress.testing.StripeWebhooks;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Without Stripe keys (the default local run) money endpoints say so; everything else works. */
@LightpressTest
class BillingNotConfiguredTests {

    @Value("${local.server.port}")
    int port;

    RestTestClient api;
    TestUser user;

    @BeforeEach
    void setUp() {
        api = com.lightpress.testing.Api.client(port);
        user = new OAuthClient(port).newUser("Unbilled");
    }

    @Test
    void moneyEndpointsAnswerServiceUnavailable() {
        for (var path : new String[] {"/api/billing/checkout", "/api/billing/subscription/preview"}) {
            api.post()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, user.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("plan", "pro"))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("Billing is not configured.");
        }
        api.post()
                .uri("/api/billing/portal")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isEqualTo(503);
    }

    @Test
    void webhooksAreRefusedUntilASecretIsConfigured() {
        var event = StripeJson.event("invoice.paid", StripeJson.object("id", StripeJson.id("in")), StripeJson.now());

        assertThat(new StripeWebhooks(port).deliver(event).statusCode()).isEqualTo(503);
    }

    @Test
    void catalogAndEntitlementsStillAnswerAndStatusSaysBillingIsOff() {
        api.get().uri("/api/billing/plans").exchange().expectStatus().isOk();
        api.get()
                .uri("/api/billing/status")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.configured")
                .isEqualTo(false);
        api.get()
                .uri("/api/billing/entitlements")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.plan")
                .isEqualTo("free");
        api.get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk();
    }
}
