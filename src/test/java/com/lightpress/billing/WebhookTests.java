package com.lightpress.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.StripeJson;
import com.lightpress.testing.StripeStub;
import com.lightpress.testing.StripeWebhooks;
import com.lightpress.users.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stripe's delivery semantics: signed deliveries, redeliveries, events out of order, failures in
 * our own handling. Each test makes its own user, customer and subscription.
 */
@BillingTest
class WebhookTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PublishedBillingEvents published;

    BillingFixtures fixtures;
    StripeStub stripe;
    StripeWebhooks webhooks;

    @BeforeEach
    void setUp() {
        fixtures = new BillingFixtures(port, jdbc);
        stripe = fixtures.stripe;
        webhooks = fixtures.webhooks;
    }

    @Test
    void sameEventDeliveredTwiceIsAppliedOnce() {
        var user = fixtures.oauth.newUser("Twice");
        var subscription =
                StripeJson.subscription(StripeJson.id("sub"), fixtures.customerOf(user), "price_pro_monthly", "active");
        stripe.subscription(subscription);
        var event = StripeJson.event("customer.subscription.created", subscription, StripeJson.now());

        assertThat(webhooks.deliver(event).body()).contains("ACCEPTED");
        await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.processed((String) event.get("id")));
        var again = webhooks.deliver(event);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("DUPLICATE");
        assertThat(fixtures.ledgerRows((String) event.get("id"))).isEqualTo(1);
        assertThat(published.of(SubscriptionStatusChanged.class, userId(user.id())))
                .singleElement()
                .satisfies(changed -> {
                    assertThat(changed.from()).isNull();
                    assertThat(changed.to()).isEqualTo(SubscriptionStatus.ACTIVE);
                    assertThat(changed.plan()).isEqualTo("pro");
                });
    }

    @Test
    void updatedArrivingBeforeCreatedEndsInTheNewestState() {
        var user = fixtures.oauth.newUser("Reordered");
        var created = StripeJson.subscription(
                StripeJson.id("sub"), fixtures.customerOf(user), "price_pro_monthly", "incomplete");
        var updated = StripeJson.copy(created);
        updated.put("status", "active");
        stripe.subscription(updated);
        var now = StripeJson.now();

        webhooks.deliver(StripeJson.event("customer.subscription.updated", updated, now));
        fixtures.awaitSubscription(user, "status", "ACTIVE");
        var late = StripeJson.event("customer.subscription.created", created, now - 5);
        assertThat(webhooks.deliver(late).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.processed((String) late.get("id")));

        assertThat(fixtures.subscriptionOf(user)).containsEntry("status", "ACTIVE");
        assertThat(published.of(SubscriptionStatusChanged.class, userId(user.id())))
                .extracting(SubscriptionStatusChanged::to)
                .containsExactly(SubscriptionStatus.ACTIVE);
    }

    @Test
    void olderUpdateArrivingAfterANewerOneDoesNotOverwriteIt() {
        var user = fixtures.oauth.newUser("Late Update");
        var subscription = fixtures.subscribed(user, "price_pro_monthly", "active");
        var older = StripeJson.copy(subscription);
        older.put("cancel_at_period_end", true);
        var newer = StripeJson.copy(subscription);
        newer.put("status", "past_due");
        stripe.subscription(newer);
        var now = StripeJson.now();

        webhooks.deliver(StripeJson.event("customer.subscription.updated", newer, now));
        fixtures.awaitSubscription(user, "status", "PAST_DUE");
        var late = StripeJson.event("customer.subscription.updated", older, now - 60);
        webhooks.deliver(late);
        await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.processed((String) late.get("id")));

        assertThat(fixtures.subscriptionOf(user))
                .containsEntry("status", "PAST_DUE")
                .containsEntry("cancelAtPeriodEnd", false);
    }

    @Test
    void badSignatureIsRefusedAndChangesNothing() {
        var event = subscriptionEventOfNewUser();
        var payload = StripeJson.write(event);

        var response =
                webhooks.deliver(payload, StripeWebhooks.signature(payload, "whsec_someone_else", StripeJson.now()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(fixtures.ledgerRows((String) event.get("id"))).isZero();
    }

    @Test
    void staleSignatureIsRefusedAndChangesNothing() {
        var event = subscriptionEventOfNewUser();
        var payload = StripeJson.write(event);
        var sixMinutesAgo = StripeJson.now() - 360;

        var response =
                webhooks.deliver(payload, StripeWebhooks.signature(payload, StripeStub.WEBHOOK_SECRET, sixMinutesAgo));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("signature");
        assertThat(fixtures.ledgerRows((String) event.get("id"))).isZero();
    }

    @Test
    void tamperedBodyIsRefused() {
        var event = subscriptionEventOfNewUser();
        var payload = StripeJson.write(event);
        var signature = StripeWebhooks.signature(payload, StripeStub.WEBHOOK_SECRET, StripeJson.now());

        var response = webhooks.deliver(payload.replace("\"active\"", "\"canceled\""), signature);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fixtures.ledgerRows((String) event.get("id"))).isZero();
    }

    @Test
    void malformedBodyIsRefusedEvenWhenSigned() {
        var payload = "{\"id\": \"evt_broken\", \"type\": \"invoice.paid\", \"data\": ";
        var response = webhooks.deliver(
                payload, StripeWebhooks.signature(payload, StripeStub.WEBHOOK_SECRET, StripeJson.now()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not a Stripe event");
        assertThat(fixtures.ledgerRows("evt_broken")).isZero();
    }

    @Test
    void missingSignatureIsRefused() {
        var response = webhooks.deliver(StripeJson.write(subscriptionEventOfNewUser()), "");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void eventTypesBillingDoesNotHandleAreAcknowledgedAndIgnored() {
        var event = StripeJson.event("charge.refunded", StripeJson.object("id", StripeJson.id("ch")), StripeJson.now());

        var response = webhooks.deliver(event);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("IGNORED");
        assertThat(fixtures.ledgerRows((String) event.get("id"))).isZero();
    }

    @Test
    void failureInsideTheHandlerLeavesTheEventRetryableAndStripesRetrySucceeds() {
        var user = fixtures.oauth.newUser("Retried");
        var subscription = StripeJson.subscription(
                StripeJson.id("sub"), fixtures.customerOf(user), "price_pro_monthly", "trialing");
        var path = urlPathEqualTo("/v1/subscriptions/" + subscription.get("id"));
        var broken = stripe.server().stubFor(get(path).willReturn(StripeStub.serverError()));
        var event = StripeJson.event("customer.subscription.created", subscription, StripeJson.now());

        assertThat(webhooks.deliver(event).body()).contains("ACCEPTED");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> stripe.server()
                                .countRequestsMatching(
                                        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(path)
                                                .build())
                                .getCount()
                        >= 2);
        assertThat(fixtures.processed((String) event.get("id"))).isFalse();
        assertThat(fixtures.subscriptionOf(user)).isEmpty();

        stripe.server().removeStub(broken);
        stripe.subscription(subscription);
        var retry = webhooks.deliver(event);

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("RETRIED");
        fixtures.awaitSubscription(user, "status", "TRIALING");
        await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.processed((String) event.get("id")));
    }

    @Test
    void checkoutCompletionMirrorsTheSubscriptionItCreated() {
        var user = fixtures.oauth.newUser("Checked Out");
        var customer = fixtures.customerOf(user);
        var subscription = StripeJson.subscription(StripeJson.id("sub"), customer, "price_team_monthly", "active");
        stripe.subscription(subscription);
        var session = StripeJson.checkoutSession(
                StripeJson.id("cs_test"), customer, user.id(), (String) subscription.get("id"));

        webhooks.deliver(StripeJson.event("checkout.session.completed", session, StripeJson.now()));

        fixtures.awaitSubscription(user, "plan", "team");
        assertThat(fixtures.subscriptionOf(user)).containsEntry("status", "ACTIVE");
    }

    @Test
    void trialEndingIsAnnouncedOncePerTrial() {
        var user = fixtures.oauth.newUser("Trial");
        var subscription = StripeJson.subscription(
                StripeJson.id("sub"), fixtures.customerOf(user), "price_pro_monthly", "trialing");
        subscription.put("trial_end", StripeJson.now() + 3 * 86_400);
        stripe.subscription(subscription);

        var first = StripeJson.event("customer.subscription.trial_will_end", subscription, StripeJson.now());
        var second = StripeJson.event("customer.subscription.trial_will_end", subscription, StripeJson.now());
        webhooks.deliver(first);
        webhooks.deliver(second);
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        fixtures.processed((String) first.get("id")) && fixtures.processed((String) second.get("id")));

        assertThat(published.of(TrialEnding.class, userId(user.id())))
                .singleElement()
                .satisfies(ending -> assertThat(ending.plan()).isEqualTo("pro"));
    }

    @Test
    void webhookIsAnsweredFast() {
        var user = fixtures.oauth.newUser("Fast");
        var subscription =
                StripeJson.subscription(StripeJson.id("sub"), fixtures.customerOf(user), "price_pro_monthly", "active");
        stripe.subscription(subscription);
        var millis = new long[40];
        for (int i = 0; i < millis.length; i++) {
            var event = StripeJson.event("customer.subscription.updated", subscription, StripeJson.now());
            var start = System.nanoTime();
            assertThat(webhooks.deliver(event).statusCode()).isEqualTo(200);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(millis);
        var median = millis[millis.length / 2];
        System.out.printf(
                "Webhook handling over %d deliveries: median %d ms, max %d ms%n",
                millis.length, median, millis[millis.length - 1]);

        assertThat(median).isLessThan(250);
    }

    private Map<String, Object> subscriptionEventOfNewUser() {
        var subscription =
                StripeJson.subscription(StripeJson.id("sub"), StripeJson.id("cus"), "price_pro_monthly", "active");
        return StripeJson.event("customer.subscription.updated", subscription, StripeJson.now());
    }

    private static UserId userId(String id) {
        return new UserId(UUID.fromString(id));
    }
}
