package com.lightpress.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.Api;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.StripeJson;
import com.lightpress.testing.StripeStub;
import com.lightpress.testing.StripeWebhooks;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Users, customers and subscriptions for billing tests, each with ids of its own. */
class BillingFixtures {

    final StripeStub stripe = StripeStub.shared();
    final OAuthClient oauth;
    final StripeWebhooks webhooks;
    final RestTestClient api;
    private final JdbcTemplate jdbc;

    BillingFixtures(int port, JdbcTemplate jdbc) {
        this.oauth = new OAuthClient(port);
        this.webhooks = new StripeWebhooks(port);
        this.api = Api.client(port);
        this.jdbc = jdbc;
    }

    /** A signed-up user with a Stripe customer on record; answers the customer id. */
    String customerOf(TestUser user) {
        var customer = StripeJson.id("cus");
        jdbc.update(
                "INSERT INTO billing.customers (user_id, stripe_customer_id, created_at, version) VALUES (?, ?, ?, 0)",
                UUID.fromString(user.id()),
                customer,
                Timestamp.from(Instant.now()));
        return customer;
    }

    /** A user whose subscription Stripe holds in the given state, mirrored through its webhook. */
    Map<String, Object> subscribed(TestUser user, String price, String status) {
        var subscription = StripeJson.subscription(StripeJson.id("sub"), customerOf(user), price, status);
        stripe.subscription(subscription);
        var response =
                webhooks.deliver(StripeJson.event("customer.subscription.created", subscription, StripeJson.now()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        awaitSubscription(user, "status", status.toUpperCase());
        return subscription;
    }

    /** Waits until the user's subscription, as the API shows it, has the field at the value. */
    void awaitSubscription(TestUser user, String field, Object value) {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(subscriptionOf(user)).containsEntry(field, value));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> subscriptionOf(TestUser user) {
        var result = api.get()
                .uri("/api/billing/subscription")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .returnResult(Map.class);
        return result.getStatus().value() == 200 ? result.getResponseBody() : Map.of();
    }

    int ledgerRows(String eventId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM billing.stripe_events WHERE event_id = ?", Integer.class, eventId);
    }

    boolean processed(String eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT count(*) = 1 FROM billing.stripe_events WHERE event_id = ? AND processed_at IS NOT NULL",
                Boolean.class,
                eventId));
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }
}
