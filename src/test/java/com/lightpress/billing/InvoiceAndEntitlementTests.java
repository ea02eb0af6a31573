package com.lightpress.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.StripeJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

/** The invoice list and entitlements, through real HTTP with real tokens. */
@BillingTest
class InvoiceAndEntitlementTests {

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
    void invoicesArePagedNewestFirstAndOnlyTheOwnersAreShown() {
        var user = fixtures.oauth.newUser("Invoiced");
        var subscription = fixtures.subscribed(user, "price_pro_monthly", "active");
        var ids = List.of(StripeJson.id("in"), StripeJson.id("in"), StripeJson.id("in"));
        for (int i = 0; i < ids.size(); i++) {
            paidInvoice(ids.get(i), subscription, StripeJson.now() - 3_000 + i * 1_000L);
        }

        var first = invoices(user, "?limit=2");
        assertThat(ids(first)).containsExactly(ids.get(2), ids.get(1));
        var second = invoices(user, "?limit=2&cursor=" + first.get("nextCursor"));
        assertThat(ids(second)).containsExactly(ids.get(0));
        assertThat(second.get("nextCursor")).isNull();
        assertThat(ids(invoices(fixtures.oauth.newUser("Stranger"), ""))).isEmpty();
    }

    @Test
    void badPagingParametersAreNamed() {
        var user = fixtures.oauth.newUser("Pager");
        var forged = Base64.getUrlEncoder().encodeToString("yesterday".getBytes(StandardCharsets.UTF_8));

        for (var query : Map.of("?cursor=" + forged, "cursor", "?limit=0", "limit", "?limit=500", "limit")
                .entrySet()) {
            fixtures.api
                    .get()
                    .uri("/api/billing/invoices" + query.getKey())
                    .header(HttpHeaders.AUTHORIZATION, user.bearer())
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(query.getValue());
        }
    }

    @Test
    void activeSubscriptionGivesThePlansFeatures() {
        var user = fixtures.oauth.newUser("Entitled");
        fixtures.subscribed(user, "price_team_monthly", "trialing");

        assertThat(entitlement(user))
                .containsEntry("plan", "team")
                .satisfies(it -> assertThat(it.get("features").toString()).contains("sso"));
    }

    @Test
    void pastDueKeepsThePlanOnlyForTheGracePeriod() {
        var user = fixtures.oauth.newUser("Late Payer");
        var subscription = fixtures.subscribed(user, "price_pro_monthly", "past_due");
        assertThat(entitlement(user)).containsEntry("plan", "pro");

        jdbc.update(
                "UPDATE billing.subscriptions SET past_due_since = now() - interval '8 days'"
                        + " WHERE stripe_subscription_id = ?",
                subscription.get("id"));

        assertThat(entitlement(user)).containsEntry("plan", "free");
    }

    @Test
    void canceledSubscriptionOrNoneFallsBackToFree() {
        var canceled = fixtures.oauth.newUser("Former");
        fixtures.subscribed(canceled, "price_pro_monthly", "canceled");

        assertThat(entitlement(canceled)).containsEntry("plan", "free").containsEntry("features", List.of("core"));
        assertThat(entitlement(fixtures.oauth.newUser("Newcomer"))).containsEntry("plan", "free");
    }

    @Test
    void otherServicesReadEntitlementsWithAnInternalToken() {
        var user = fixtures.oauth.newUser("Served");
        fixtures.subscribed(user, "price_pro_monthly", "active");

        fixtures.api
                .get()
                .uri("/internal/billing/entitlements/" + user.id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.oauth.serviceToken())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.plan")
                .isEqualTo("pro")
                .jsonPath("$.limits.projects")
                .isEqualTo(20);
        fixtures.api
                .get()
                .uri("/internal/billing/entitlements/" + user.id())
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private void paidInvoice(String id, Map<String, Object> subscription, long created) {
        var invoice =
                StripeJson.invoice(id, (String) subscription.get("customer"), (String) subscription.get("id"), "paid");
        invoice.put("created", created);
        fixtures.stripe.invoice(invoice);
        var event = StripeJson.event("invoice.paid", invoice, created);
        fixtures.webhooks.deliver(event);
        await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.processed((String) event.get("id")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> invoices(TestUser user, String query) {
        return fixtures.api
                .get()
                .uri("/api/billing/invoices" + query)
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(Map.class)
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items"))
                .stream().map(item -> (String) item.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> entitlement(TestUser user) {
        return fixtures.api
                .get()
                .uri("/api/billing/entitlements")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(Map.class)
                .getResponseBody();
    }
}
