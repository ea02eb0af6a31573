package com.lightpress.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.List;
import java.util.Map;

/**
 * Stripe's API as billing uses it, played by one WireMock server per test JVM on a free port of
 * 127.0.0.1. Tests share it, so each stubs only objects with ids of its own ({@link StripeJson}
 * makes unique ones); the catalog's prices are stubbed once for all.
 */
public final class StripeStub {

    public static final String API_KEY = "sk_test_lightpress";
    public static final String WEBHOOK_SECRET = "whsec_lightpress_tests";

    /** Properties that turn billing on against the stub; the initializer adds the address. */
    public static final String API_KEY_PROPERTY = "lightpress.billing.stripe.api-key=" + API_KEY;

    public static final String WEBHOOK_SECRET_PROPERTY = "lightpress.billing.stripe.webhook-secret=" + WEBHOOK_SECRET;
    public static final String RETRIES_PROPERTY = "lightpress.billing.stripe.max-network-retries=1";
    public static final String READ_TIMEOUT_PROPERTY = "lightpress.billing.stripe.read-timeout=2s";

    /**
     * A shorter wait for a database connection: at JVM exit every cached context asks PostgreSQL
     * for one after it has stopped, and each wait adds to the time Surefire allows for exiting.
     */
    public static final String CONNECTION_TIMEOUT_PROPERTY = "spring.datasource.hikari.connection-timeout=2000";

    public static final Map<String, Long> PRICES = Map.of("price_pro_monthly", 1500L, "price_team_monthly", 4900L);

    /** The priority of the catch-all answers; a test's own stubs (priority 5) win over them. */
    private static final int DEFAULTS = 10;

    /** Lists for one customer; the latest stub of a customer wins over the empty default. */
    private static final int PER_CUSTOMER = 1;

    private static StripeStub shared;

    private final WireMockServer server;

    private StripeStub() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        PRICES.forEach((id, amount) -> stub(get(urlPathEqualTo("/v1/prices/" + id)), StripeJson.price(id, amount)));
        // what Stripe answers for a customer nobody stubbed: no subscriptions, no open checkouts;
        // lists for one customer take precedence over a test's list of all subscriptions
        server.stubFor(get(urlPathEqualTo("/v1/subscriptions"))
                .withQueryParam("customer", matching(".+"))
                .atPriority(PER_CUSTOMER)
                .willReturn(json(200, StripeJson.list("/v1/subscriptions"))));
        server.stubFor(get(urlPathEqualTo("/v1/checkout/sessions"))
                .withQueryParam("customer", matching(".+"))
                .atPriority(PER_CUSTOMER)
                .willReturn(json(200, StripeJson.list("/v1/checkout/sessions"))));
        server.stubFor(post(urlPathMatching("/v1/customers/[^/]+"))
                .atPriority(DEFAULTS)
                .willReturn(json(200, StripeJson.customer(StripeJson.id("cus"), ""))));
    }

    /** Stripe's own list of the customer's subscriptions (any status), as closure and checkout ask for it. */
    public void subscriptionsOf(String customerId, List<Map<String, Object>> subscriptions) {
        server.stubFor(get(urlPathEqualTo("/v1/subscriptions"))
                .withQueryParam("customer", equalTo(customerId))
                .atPriority(PER_CUSTOMER)
                .willReturn(json(200, StripeJson.list("/v1/subscriptions", subscriptions.toArray(Map[]::new)))));
    }

    /** The customer's Checkout Sessions that are still open. */
    public void openCheckoutsOf(String customerId, List<Map<String, Object>> sessions) {
        server.stubFor(get(urlPathEqualTo("/v1/checkout/sessions"))
                .withQueryParam("customer", equalTo(customerId))
                .atPriority(PER_CUSTOMER)
                .willReturn(json(200, StripeJson.list("/v1/checkout/sessions", sessions.toArray(Map[]::new)))));
    }

    /** Stripe expires the session; answers it expired. */
    public void expiring(Map<String, Object> session) {
        var expired = StripeJson.copy(session);
        expired.put("status", "expired");
        expired.put("url", null);
        stub(post(urlPathEqualTo("/v1/checkout/sessions/" + session.get("id") + "/expire")), expired);
    }

    public static synchronized StripeStub shared() {
        if (shared == null) {
            shared = new StripeStub();
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer server() {
        return server;
    }

    /** Stripe creates a customer for this user (the request carries the user id in metadata). */
    public String customerFor(String userId) {
        var customer = StripeJson.id("cus");
        stub(
                post(urlPathEqualTo("/v1/customers")).withRequestBody(containing(userId)),
                StripeJson.customer(customer, userId));
        return customer;
    }

    /** Stripe creates Checkout Sessions for this customer; answers the session's URL. */
    public String checkoutFor(String customerId, String userId) {
        var session = StripeJson.checkoutSession(StripeJson.id("cs_test"), customerId, userId, null);
        stub(post(urlPathEqualTo("/v1/checkout/sessions")).withRequestBody(containing(customerId)), session);
        return (String) session.get("url");
    }

    public String portalFor(String customerId) {
        var session = StripeJson.portalSession(customerId);
        stub(post(urlPathEqualTo("/v1/billing_portal/sessions")).withRequestBody(containing(customerId)), session);
        return (String) session.get("url");
    }

    /** Stripe's current state of a subscription, as a GET answers it. */
    public void subscription(Map<String, Object> subscription) {
        stub(get(urlPathEqualTo("/v1/subscriptions/" + subscription.get("id"))), subscription);
    }

    /** What Stripe answers to an update of the subscription. */
    public void subscriptionUpdate(Map<String, Object> updated) {
        stub(post(urlPathEqualTo("/v1/subscriptions/" + updated.get("id"))), updated);
    }

    public void subscriptionCancel(Map<String, Object> canceled) {
        stub(delete(urlPathEqualTo("/v1/subscriptions/" + canceled.get("id"))), canceled);
    }

    public void invoice(Map<String, Object> invoice) {
        stub(get(urlPathEqualTo("/v1/invoices/" + invoice.get("id"))), invoice);
    }

    public StubMapping stub(MappingBuilder request, Map<String, Object> body) {
        return server.stubFor(request.willReturn(json(200, body)));
    }

    public static ResponseDefinitionBuilder json(int status, Map<String, Object> body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", StripeJson.id("req"))
                .withBody(StripeJson.write(body));
    }

    /** Stripe's answer to an internal error. */
    public static ResponseDefinitionBuilder serverError() {
        return json(
                500,
                Map.of(
                        "error",
                        Map.of("type", "api_error", "message", "An unknown error occurred", "request_log_url", "")));
    }
}
