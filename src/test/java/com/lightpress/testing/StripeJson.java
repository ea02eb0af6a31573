package com.lightpress.testing;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe API objects shaped as Stripe's API reference shows them (API version of stripe-java
 * 33), as mutable maps so a test can change a field before stubbing or sending one. Ids are
 * random, because tests share one Stripe stub.
 */
public final class StripeJson {

    public static final String API_VERSION = "2026-07-29.dahlia";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private StripeJson() {}

    public static String id(String prefix) {
        var id = new StringBuilder(prefix).append('_');
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static Map<String, Object> customer(String id, String userId) {
        return object(
                "id",
                id,
                "object",
                "customer",
                "balance",
                0,
                "created",
                now(),
                "currency",
                null,
                "delinquent",
                false,
                "email",
                "someone@example.com",
                "invoice_prefix",
                "LP" + id.substring(4, 8),
                "livemode",
                false,
                "metadata",
                object("user_id", userId),
                "name",
                "Someone",
                "preferred_locales",
                List.of(),
                "tax_exempt",
                "none");
    }

    public static Map<String, Object> checkoutSession(String id, String customer, String userId, String subscription) {
        return object(
                "id",
                id,
                "object",
                "checkout.session",
                "client_reference_id",
                userId,
                "created",
                now(),
                "currency",
                "eur",
                "customer",
                customer,
                "expires_at",
                now() + 86_400,
                "livemode",
                false,
                "metadata",
                object(),
                "mode",
                "subscription",
                "payment_status",
                subscription == null ? "unpaid" : "paid",
                "status",
                subscription == null ? "open" : "complete",
                "subscription",
                subscription,
                "success_url",
                "http://127.0.0.1/app/#/billing?checkout=success",
                "cancel_url",
                "http://127.0.0.1/app/#/billing?checkout=canceled",
                "url",
                "https://checkout.stripe.com/c/pay/" + id);
    }

    public static Map<String, Object> portalSession(String customer) {
        var id = id("bps");
        return object(
                "id",
                id,
                "object",
                "billing_portal.session",
                "configuration",
                id("bpc"),
                "created",
                now(),
                "customer",
                customer,
                "livemode",
                false,
                "locale",
                null,
                "on_behalf_of",
                null,
                "return_url",
                "http://127.0.0.1/app/#/billing",
                "url",
                "https://billing.stripe.com/p/session/" + id);
    }

    public static Map<String, Object> price(String id, long amount) {
        return object(
                "id",
                id,
                "object",
                "price",
                "active",
                true,
                "billing_scheme",
                "per_unit",
                "created",
                now(),
                "currency",
                "eur",
                "livemode",
                false,
                "product",
                "prod_" + id,
                "recurring",
                object("interval", "month", "interval_count", 1, "usage_type", "licensed"),
                "type",
                "recurring",
                "unit_amount",
                amount);
    }

    /** A subscription with one item on the price, its period running from now for 30 days. */
    public static Map<String, Object> subscription(String id, String customer, String price, String status) {
        var start = now();
        var item = object(
                "id",
                "si_" + id.substring(4),
                "object",
                "subscription_item",
                "created",
                start,
                "current_period_start",
                start,
                "current_period_end",
                start + Duration.ofDays(30).toSeconds(),
                "metadata",
                object(),
                "price",
                price(price, StripeStub.PRICES.getOrDefault(price, 1000L)),
                "quantity",
                1,
                "subscription",
                id);
        return object(
                "id",
                id,
                "object",
                "subscription",
                "billing_cycle_anchor",
                start,
                "cancel_at",
                null,
                "cancel_at_period_end",
                false,
                "canceled_at",
                null,
                "collection_method",
                "charge_automatically",
                "created",
                start,
                "currency",
                "eur",
                "customer",
                customer,
                "items",
                list("/v1/subscription_items?subscription=" + id, item),
                "latest_invoice",
                id("in"),
                "livemode",
                false,
                "metadata",
                object(),
                "schedule",
                null,
                "start_date",
                start,
                "status",
                status,
                "trial_end",
                null,
                "trial_start",
                null);
    }

    public static Map<String, Object> invoice(String id, String customer, String subscription, String status) {
        var created = now();
        var paid = "paid".equals(status);
        return object(
                "id",
                id,
                "object",
                "invoice",
                "account_country",
                "DE",
                "amount_due",
                1500,
                "amount_paid",
                paid ? 1500 : 0,
                "amount_remaining",
                paid ? 0 : 1500,
                "attempt_count",
                1,
                "attempted",
                true,
                "billing_reason",
                "subscription_cycle",
                "collection_method",
                "charge_automatically",
                "created",
                created,
                "currency",
                "eur",
                "customer",
                customer,
                "customer_email",
                "someone@example.com",
                "customer_name",
                "Someone",
                "hosted_invoice_url",
                "https://invoice.stripe.com/i/acct_test/" + id,
                "invoice_pdf",
                "https://pay.stripe.com/invoice/acct_test/" + id + "/pdf",
                "lines",
                list("/v1/invoices/" + id + "/lines"),
                "livemode",
                false,
                "metadata",
                object(),
                "next_payment_attempt",
                paid ? null : created + 86_400,
                "number",
                "LP-" + id.substring(3, 9),
                "parent",
                object(
                        "type",
                        "subscription_details",
                        "quote_details",
                        null,
                        "subscription_details",
                        object("metadata", object(), "subscription", subscription)),
                "period_start",
                created - 2_592_000,
                "period_end",
                created,
                "status",
                status,
                "status_transitions",
                object(
                        "finalized_at",
                        created,
                        "marked_uncollectible_at",
                        null,
                        "paid_at",
                        paid ? created : null,
                        "voided_at",
                        null),
                "subtotal",
                1500,
                "total",
                1500);
    }

    /** A subscription schedule made from a subscription, its current phase the current period. */
    public static Map<String, Object> schedule(String id, Map<String, Object> subscription) {
        var item = item(subscription);
        var phase = object("start_date", item.get("current_period_start"), "end_date", item.get("current_period_end"));
        return object(
                "id",
                id,
                "object",
                "subscription_schedule",
                "created",
                now(),
                "current_phase",
                phase,
                "customer",
                subscription.get("customer"),
                "end_behavior",
                "release",
                "livemode",
                false,
                "metadata",
                object(),
                "phases",
                List.of(),
                "status",
                "active",
                "subscription",
                subscription.get("id"));
    }

    /** An invoice preview with one prorated line. */
    public static Map<String, Object> preview(String customer, String subscription, long amount) {
        var line = object(
                "id",
                id("il_tmp"),
                "object",
                "line_item",
                "amount",
                amount,
                "currency",
                "eur",
                "description",
                "Remaining time on Team after the change",
                "livemode",
                false,
                "metadata",
                object(),
                "parent",
                object(
                        "type",
                        "subscription_item_details",
                        "subscription_item_details",
                        object(
                                "invoice_item",
                                id("ii"),
                                "proration",
                                true,
                                "subscription",
                                subscription,
                                "subscription_item",
                                id("si"))),
                "quantity",
                1);
        var invoice = invoice(id("upcoming_in"), customer, subscription, "draft");
        invoice.put("amount_due", amount);
        invoice.put("lines", list("/v1/invoices/upcoming/lines", line));
        return invoice;
    }

    public static Map<String, Object> event(String type, Map<String, Object> object, long created) {
        return object(
                "id",
                id("evt"),
                "object",
                "event",
                "api_version",
                API_VERSION,
                "created",
                created,
                "data",
                object("object", object),
                "livemode",
                false,
                "pending_webhooks",
                1,
                "request",
                object("id", null, "idempotency_key", null),
                "type",
                type);
    }

    public static Map<String, Object> list(String url, Object... data) {
        return object("object", "list", "data", List.of(data), "has_more", false, "url", url);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> item(Map<String, Object> subscription) {
        var items = (Map<String, Object>) subscription.get("items");
        return (Map<String, Object>) ((List<Object>) items.get("data")).get(0);
    }

    public static long now() {
        return Instant.now().getEpochSecond();
    }

    /** A JSON object from alternating keys and values; values may be null. */
    public static Map<String, Object> object(Object... keysAndValues) {
        var object = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    /** A copy to change, so a stubbed state and a later one do not share fields. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> copy(Map<String, Object> object) {
        return JSON.readValue(write(object), LinkedHashMap.class);
    }
}
