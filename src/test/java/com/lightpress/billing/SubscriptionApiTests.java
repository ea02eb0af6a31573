package com.lightpress.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.StripeJson;
import com.lightpress.testing.StripeStub;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Plan changes, cancelling and resuming, through real HTTP with real tokens. */
@BillingTest
class SubscriptionApiTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    BillingFixtures fixtures;
    StripeStub stripe;

    @BeforeEach
    void setUp() {
        fixtures = new BillingFixtures(port, jdbc);
        stripe = fixtures.stripe;
    }

    @Test
    void upgradeTakesEffectAtOnceWithProration() {
        var user = fixtures.oauth.newUser("Upgrader");
        var subscription = fixtures.subscribed(user, "price_pro_monthly", "active");
        var upgraded = StripeJson.subscription(
                (String) subscription.get("id"), (String) subscription.get("customer"), "price_team_monthly", "active");
        stripe.subscriptionUpdate(upgraded);

        change(user, "team")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.plan")
                .isEqualTo("team");

        assertThat(stripeForm("/v1/subscriptions/" + subscription.get("id"), "price"))
                .contains(
                        "items[0][id]=" + StripeJson.item(subscription).get("id"),
                        "items[0][price]=price_team_monthly",
                        "proration_behavior=always_invoice");
        assertThat(fixtures.subscriptionOf(user)).containsEntry("plan", "team");
    }

    @Test
    void downgradeWaitsForTheEndOfThePeriodInASchedule() {
        var user = fixtures.oauth.newUser("Downgrader");
        var subscription = fixtures.subscribed(user, "price_team_monthly", "active");
        var schedule = StripeJson.schedule(StripeJson.id("sub_sched"), subscription);
        stripe.stub(
                post(urlPathEqualTo("/v1/subscription_schedules"))
                        .withRequestBody(containing((String) subscription.get("id"))),
                schedule);
        stripe.stub(post(urlPathEqualTo("/v1/subscription_schedules/" + schedule.get("id"))), schedule);

        change(user, "pro")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.plan")
                .isEqualTo("team")
                .jsonPath("$.pendingPlan")
                .isEqualTo("pro");

        assertThat(stripeForm("/v1/subscription_schedules/" + schedule.get("id"), "phases"))
                .contains(
                        "phases[0][items][0][price]=price_team_monthly",
                        "phases[0][end_date]=" + StripeJson.item(subscription).get("current_period_end"),
                        "phases[1][items][0][price]=price_pro_monthly",
                        "phases[1][duration][interval]=month",
                        "end_behavior=release");
    }

    @Test
    void previewAnswersStripesProration() {
        var user = fixtures.oauth.newUser("Previewer");
        var subscription = fixtures.subscribed(user, "price_pro_monthly", "active");
        stripe.stub(
                post(urlPathEqualTo("/v1/invoices/create_preview"))
                        .withRequestBody(containing((String) subscription.get("id"))),
                StripeJson.preview((String) subscription.get("customer"), (String) subscription.get("id"), 3_400));

        fixtures.api
                .post()
                .uri("/api/billing/subscription/preview")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("plan", "team"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.effective")
                .isEqualTo("now")
                .jsonPath("$.amountDue")
                .isEqualTo(3_400)
                .jsonPath("$.lines[0].proration")
                .isEqualTo(true);
    }

    @Test
    void cancellingAtPeriodEndCanBeUndone() {
        var user = fixtures.oauth.newUser("Undecided");
        var subscription = fixtures.subscribed(user, "price_pro_monthly", "active");
        var canceling = StripeJson.copy(subscription);
        canceling.put("cancel_at_period_end", true);
        stripe.subscriptionUpdate(canceling);

        send(user, "DELETE", "/api/billing/subscription")
                .jsonPath("$.cancelAtPeriodEnd")
                .isEqualTo(true);
        stripe.subscriptionUpdate(subscription);
        send(user, "POST", "/api/billing/subscription/resume")
                .jsonPath("$.cancelAtPeriodEnd")
                .isEqualTo(false);

        assertThat(stripeForm("/v1/subscriptions/" + subscription.get("id"), "cancel_at_period_end"))
                .contains("cancel_at_period_end=true");
        assertThat(fixtures.subscriptionOf(user)).containsEntry("cancelAtPeriodEnd", false);
    }

    @Test
    void changingToTheCurrentPlanIsAConflict() {
        var user = fixtures.oauth.newUser("Same Plan");
        fixtures.subscribed(user, "price_pro_monthly", "active");

        change(user, "pro").expectStatus().isEqualTo(409);
    }

    @Test
    void anotherUsersSubscriptionIsNotVisible() {
        var owner = fixtures.oauth.newUser("Owner");
        fixtures.subscribed(owner, "price_team_monthly", "active");
        var other = fixtures.oauth.newUser("Other");

        fixtures.api
                .get()
                .uri("/api/billing/subscription")
                .header(HttpHeaders.AUTHORIZATION, other.bearer())
                .exchange()
                .expectStatus()
                .isNotFound();
        change(other, "pro").expectStatus().isNotFound();
        send(other, "DELETE", "/api/billing/subscription");
        assertThat(fixtures.subscriptionOf(owner)).containsEntry("cancelAtPeriodEnd", false);
    }

    @Test
    void subscriptionNeedsAToken() {
        fixtures.api
                .get()
                .uri("/api/billing/subscription")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        fixtures.api
                .delete()
                .uri("/api/billing/subscription")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec change(TestUser user, String plan) {
        return fixtures.api
                .put()
                .uri("/api/billing/subscription")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("plan", plan))
                .exchange();
    }

    private org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec send(
            TestUser user, String method, String path) {
        var spec = fixtures.api
                .method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange();
        return spec.expectBody();
    }

    private String stripeForm(String path, String bodyContains) {
        var requests = stripe.server()
                .findAll(postRequestedFor(urlPathEqualTo(path)).withRequestBody(containing(bodyContains)));
        assertThat(requests).isNotEmpty();
        return URLDecoder.decode(requests.get(0).getBodyAsString(), StandardCharsets.UTF_8);
    }
}
