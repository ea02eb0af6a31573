package com.lightpress.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.StripeJson;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reconciliation puts the mirror back in line with Stripe, on an admin's request. */
@BillingTest
class ReconciliationTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    BillingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new BillingFixtures(port, jdbc);
    }

    @Test
    void reconciliationFixesASubscriptionChangedBehindItsBackAndAddsAMissingOne() {
        var user = fixtures.oauth.newUser("Drifted");
        var subscription = fixtures.subscribed(user, "price_pro_monthly", "active");
        jdbc.update(
                "UPDATE billing.subscriptions SET status = 'PAST_DUE', cancel_at_period_end = true"
                        + " WHERE stripe_subscription_id = ?",
                subscription.get("id"));
        var unseen = fixtures.oauth.newUser("Unseen");
        var missing = StripeJson.subscription(
                StripeJson.id("sub"), fixtures.customerOf(unseen), "price_team_monthly", "active");
        fixtures.stripe.subscription(missing);
        fixtures.stripe.stub(
                get(urlPathEqualTo("/v1/subscriptions")), StripeJson.list("/v1/subscriptions", subscription, missing));

        fixtures.api
                .post()
                .uri("/api/admin/billing/reconcile")
                .header(HttpHeaders.AUTHORIZATION, admin().bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.corrections[*].subscriptionId")
                .value(ids -> assertThat(ids.toString())
                        .contains((String) subscription.get("id"), (String) missing.get("id")));

        assertThat(fixtures.subscriptionOf(user))
                .containsEntry("status", "ACTIVE")
                .containsEntry("cancelAtPeriodEnd", false);
        assertThat(fixtures.subscriptionOf(unseen)).containsEntry("plan", "team");
    }

    @Test
    void reconciliationIsForAdminsOnly() {
        var user = fixtures.oauth.newUser("Curious");

        fixtures.api
                .post()
                .uri("/api/admin/billing/reconcile")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private TestUser admin() {
        var admin = fixtures.oauth.newUser("Admin");
        jdbc.update(
                "INSERT INTO users.account_roles (account_id, role) VALUES (?, 'ADMIN')", UUID.fromString(admin.id()));
        var tokens = fixtures.oauth.logIn(admin.email(), admin.password());
        return new TestUser(admin.id(), admin.email(), admin.password(), tokens);
    }
}
