package com.lightpress.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.StripeJson;
import com.lightpress.users.AccountClosed;
import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closing an account ends every subscription Stripe has for the customer at once, expires its open
 * checkouts, redacts the Stripe customer and keeps the invoices without personal data.
 */
@BillingTest
class AccountClosureTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    List<PersonalData> personalData;

    BillingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new BillingFixtures(port, jdbc);
    }

    @Test
    void closedAccountsSubscriptionEndsNowAndInvoicesLoseTheirPersonalFields() {
        var user = fixtures.oauth.newUser("Leaving");
        var subscription = fixtures.subscribed(user, "price_pro_monthly", "active");
        var invoice = paidInvoice(subscription);
        var canceled = StripeJson.copy(subscription);
        canceled.put("status", "canceled");
        fixtures.stripe.subscriptionCancel(canceled);
        var userId = new UserId(UUID.fromString(user.id()));

        transactions.executeWithoutResult(status -> events.publishEvent(AccountClosed.of(userId)));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(invoiceRow(invoice))
                        .containsEntry("customer_email", null)
                        .containsEntry("customer_name", null)
                        .containsEntry("hosted_invoice_url", null)
                        .containsEntry("amount_paid", 1500L)
                        .containsEntry("status", "paid"));
        assertThat(fixtures.stripe
                        .server()
                        .findAll(deleteRequestedFor(urlPathEqualTo("/v1/subscriptions/" + subscription.get("id")))))
                .hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM billing.subscriptions WHERE stripe_subscription_id = ?",
                        String.class,
                        subscription.get("id")))
                .isEqualTo("CANCELED");
    }

    @Test
    void closureEndsASubscriptionOnlyStripeKnowsExpiresOpenCheckoutsRedactsTheCustomerAndForgetsIt() {
        var user = fixtures.oauth.newUser("Hasty");
        var customer = fixtures.customerOf(user);
        var unseen = StripeJson.subscription(StripeJson.id("sub"), customer, "price_pro_monthly", "active");
        fixtures.stripe.subscription(unseen);
        fixtures.stripe.subscriptionsOf(customer, List.of(unseen));
        var canceled = StripeJson.copy(unseen);
        canceled.put("status", "canceled");
        fixtures.stripe.subscriptionCancel(canceled);
        var session = StripeJson.checkoutSession(StripeJson.id("cs_test"), customer, user.id(), null);
        fixtures.stripe.openCheckoutsOf(customer, List.of(session));
        fixtures.stripe.expiring(session);
        var userId = new UserId(UUID.fromString(user.id()));

        transactions.executeWithoutResult(status -> events.publishEvent(AccountClosed.of(userId)));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM billing.customers WHERE user_id = ?",
                                Integer.class,
                                userId.value())
                        == 0);
        var stripe = fixtures.stripe.server();
        assertThat(stripe.findAll(deleteRequestedFor(urlPathEqualTo("/v1/subscriptions/" + unseen.get("id")))))
                .hasSize(1);
        assertThat(stripe.findAll(
                        postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + session.get("id") + "/expire"))))
                .hasSize(1);
        var redaction = stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/customers/" + customer)));
        assertThat(redaction)
                .singleElement()
                .satisfies(request -> assertThat(URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8))
                        .contains("name=", "email=", "address=", "phone=")
                        .doesNotContain("@"));
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM billing.subscriptions WHERE stripe_subscription_id = ?",
                        String.class,
                        unseen.get("id")))
                .isEqualTo("CANCELED");
    }

    @Test
    void exportHoldsTheUsersBillingData() {
        var user = fixtures.oauth.newUser("Curious");
        var subscription = fixtures.subscribed(user, "price_team_monthly", "active");
        var invoice = paidInvoice(subscription);
        var billing = personalData.stream()
                .filter(it -> it.section().equals("billing"))
                .findFirst()
                .orElseThrow();

        var export = StripeJson.write(billing.exportFor(new UserId(UUID.fromString(user.id()))));

        assertThat(export).contains((String) subscription.get("customer"), invoice, "\"plan\":\"team\"");
    }

    private String paidInvoice(Map<String, Object> subscription) {
        var id = StripeJson.id("in");
        var invoice =
                StripeJson.invoice(id, (String) subscription.get("customer"), (String) subscription.get("id"), "paid");
        fixtures.stripe.invoice(invoice);
        var event = StripeJson.event("invoice.paid", invoice, StripeJson.now());
        fixtures.webhooks.deliver(event);
        await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.processed((String) event.get("id")));
        return id;
    }

    private Map<String, Object> invoiceRow(String id) {
        return jdbc.queryForMap("SELECT * FROM billing.invoices WHERE stripe_invoice_id = ?", id);
    }
}
