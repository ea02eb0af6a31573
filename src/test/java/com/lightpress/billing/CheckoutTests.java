package com.lightpress.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.StripeJson;
import com.lightpress.testing.StripeStub;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

/** Checkout and the Customer Portal through real HTTP with real tokens, against the Stripe stub. */
@BillingTest
class CheckoutTests {

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
    void statusSaysBillingIsOnWhenStripeIsConfigured() {
        fixtures.api
                .get()
                .uri("/api/billing/status")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.configured")
                .isEqualTo(true);
    }

    @Test
    void checkoutCreatesTheCustomerAndASubscriptionSession() {
        var user = fixtures.oauth.newUser("Buyer");
        var customer = stripe.customerFor(user.id());
        var url = stripe.checkoutFor(customer, user.id());

        checkout(user, "pro", null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.url")
                .isEqualTo(url);

        var customerRequest = requests("/v1/customers", user.id()).get(0);
        assertThat(form(customerRequest)).contains("metadata[user_id]=" + user.id(), "email=" + user.email());
        assertThat(customerRequest.getHeader("Idempotency-Key")).isEqualTo("lightpress-customer-" + user.id());
        assertThat(form(requests("/v1/checkout/sessions", customer).get(0)))
                .contains(
                        "mode=subscription",
                        "client_reference_id=" + user.id(),
                        "line_items[0][price]=price_pro_monthly",
                        "subscription_data[trial_period_days]=14",
                        "success_url=http://127.0.0.1:" + port + "/app/#/billing?checkout=success");
        assertThat(customerIdOf(user)).containsExactly(customer);
    }

    @Test
    void userWithALiveSubscriptionCannotCheckOutAgain() {
        var user = fixtures.oauth.newUser("Subscribed");
        fixtures.subscribed(user, "price_pro_monthly", "active");

        checkout(user, "team", null)
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void secondCheckoutInARowReusesTheOpenSessionAndAnotherPlanExpiresIt() {
        var user = fixtures.oauth.newUser("Twice");
        var customer = stripe.customerFor(user.id());
        var url = stripe.checkoutFor(customer, user.id());
        checkout(user, "pro", "first").expectStatus().isOk();
        var open = StripeJson.checkoutSession(url.substring(url.lastIndexOf('/') + 1), customer, user.id(), null);
        open.put("metadata", Map.of("plan", "pro", "user_id", user.id()));
        open.put("url", url);
        stripe.openCheckoutsOf(customer, List.of(open));
        stripe.expiring(open);

        checkout(user, "pro", "second")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.url")
                .isEqualTo(url);
        assertThat(requests("/v1/checkout/sessions", customer)).hasSize(1);

        checkout(user, "team", "third").expectStatus().isOk();
        assertThat(stripe.server()
                        .findAll(postRequestedFor(
                                urlPathEqualTo("/v1/checkout/sessions/" + open.get("id") + "/expire"))))
                .hasSize(1);
        assertThat(form(requests("/v1/checkout/sessions", customer).get(1)))
                .contains("line_items[0][price]=price_team_monthly", "metadata[plan]=team");
    }

    @Test
    void checkoutIsRefusedWhenStripeHasALiveSubscriptionTheMirrorHasNotSeen() {
        var user = fixtures.oauth.newUser("Unseen Subscriber");
        var customer = fixtures.customerOf(user);
        stripe.subscriptionsOf(
                customer,
                List.of(StripeJson.subscription(StripeJson.id("sub"), customer, "price_pro_monthly", "active")));

        checkout(user, "team", null)
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(requests("/v1/checkout/sessions", customer)).isEmpty();
    }

    @Test
    void stripeFailingAnswersBadGatewayChangesNothingAndTheRetryReusesTheIdempotencyKey() {
        var user = fixtures.oauth.newUser("Unlucky");
        var customer = stripe.customerFor(user.id());
        var failing = stripe.server()
                .stubFor(post(urlPathEqualTo("/v1/checkout/sessions"))
                        .withRequestBody(containing(customer))
                        .willReturn(StripeStub.serverError()));

        checkout(user, "pro", "attempt-1")
                .expectStatus()
                .isEqualTo(502)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("Stripe"));
        assertThat(customerIdOf(user)).isEmpty();

        stripe.server().removeStub(failing);
        var url = stripe.checkoutFor(customer, user.id());
        checkout(user, "pro", "attempt-1")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.url")
                .isEqualTo(url);

        var keys = requests("/v1/checkout/sessions", customer).stream()
                .map(request -> request.getHeader("Idempotency-Key"))
                .toList();
        assertThat(keys).hasSize(3).containsOnly(keys.get(0));
        assertThat(requests("/v1/customers", user.id()))
                .extracting(request -> request.getHeader("Idempotency-Key"))
                .containsOnly("lightpress-customer-" + user.id());
    }

    @Test
    void stripeTimingOutAnswersBadGatewayAndChangesNothing() {
        var user = fixtures.oauth.newUser("Slow");
        var customer = stripe.customerFor(user.id());
        stripe.server()
                .stubFor(post(urlPathEqualTo("/v1/checkout/sessions"))
                        .withRequestBody(containing(customer))
                        .willReturn(
                                StripeStub.json(200, Map.of("id", "cs_late")).withFixedDelay(3_000)));

        checkout(user, "pro", null).expectStatus().isEqualTo(502);

        assertThat(customerIdOf(user)).isEmpty();
    }

    @Test
    void portalAnswersTheSessionUrl() {
        var user = fixtures.oauth.newUser("Portal");
        var customer = fixtures.customerOf(user);
        var url = stripe.portalFor(customer);

        fixtures.api
                .post()
                .uri("/api/billing/portal")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.url")
                .isEqualTo(url);
        assertThat(form(requests("/v1/billing_portal/sessions", customer).get(0)))
                .contains("return_url=http://127.0.0.1:" + port + "/app/#/billing");
    }

    @Test
    void checkoutNeedsAToken() {
        fixtures.api
                .post()
                .uri("/api/billing/checkout")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("plan", "pro"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void missingPlanIsNamedInTheProblem() {
        var user = fixtures.oauth.newUser("No Plan");

        fixtures.api
                .post()
                .uri("/api/billing/checkout")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("plan");
    }

    @Test
    void unknownAndFreePlansAreRefusedNamingThePlan() {
        var user = fixtures.oauth.newUser("Wrong Plan");

        for (var plan : List.of("gold", "free")) {
            checkout(user, plan, null)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("plan");
        }
    }

    private ResponseSpec checkout(TestUser user, String plan, String idempotencyKey) {
        var request = fixtures.api
                .post()
                .uri("/api/billing/checkout")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(Map.of("plan", plan)).exchange();
    }

    private List<LoggedRequest> requests(String path, String bodyContains) {
        return stripe.server()
                .findAll(postRequestedFor(urlPathEqualTo(path)).withRequestBody(containing(bodyContains)));
    }

    private static String form(LoggedRequest request) {
        return URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
    }

    private List<String> customerIdOf(TestUser user) {
        return jdbc.queryForList(
                "SELECT stripe_customer_id FROM billing.customers WHERE user_id = ?",
                String.class,
                UUID.fromString(user.id()));
    }
}
