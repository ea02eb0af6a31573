package com.lightpress.billing.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing's settings.
 *
 * @param plans the plan catalog by plan code
 * @param freePlan the plan whose features apply when no paid subscription does
 * @param stripe how Lightpress reaches Stripe; without an API key billing's money endpoints are off
 * @param pastDueGrace how long a past-due subscription keeps its plan's features
 * @param links where Stripe sends the customer back to; default to the web client's billing page
 * @param reconciliation how often local subscriptions are compared with Stripe
 */
@ConfigurationProperties("lightpress.billing")
public record BillingSettings(
        @DefaultValue Map<String, Plan> plans,
        @DefaultValue("free") String freePlan,
        @DefaultValue StripeAccess stripe,
        @DefaultValue("7d") Duration pastDueGrace,
        @DefaultValue Links links,
        @DefaultValue Reconciliation reconciliation) {

    /**
     * One plan of the catalog.
     *
     * @param priceId the Stripe price that is charged; none for the free plan
     * @param displayName what customers see
     * @param features the features it unlocks
     * @param limits quantitative limits by name (seats, projects)
     * @param trialDays days of free trial when subscribing
     */
    public record Plan(
            @Nullable String priceId,
            String displayName,
            @DefaultValue Set<String> features,
            @DefaultValue Map<String, Long> limits,
            @DefaultValue("0") int trialDays) {}

    /**
     * @param apiKey the secret API key; blank means billing is not configured
     * @param webhookSecret the signing secret of the webhook endpoint
     * @param apiBase overrides Stripe's API address (stripe-mock, tests)
     * @param maxNetworkRetries how often stripe-java retries a failed call, with the same
     *     idempotency key
     */
    public record StripeAccess(
            @Nullable String apiKey,
            @Nullable String webhookSecret,
            @Nullable String apiBase,
            @DefaultValue("2") int maxNetworkRetries,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("30s") Duration readTimeout) {

        public boolean configured() {
            return apiKey != null && !apiKey.isBlank();
        }
    }

    /** Return addresses; each defaults to the web client's billing page under the public URL. */
    public record Links(
            @Nullable String checkoutSuccessUrl,
            @Nullable String checkoutCancelUrl,
            @Nullable String portalReturnUrl) {}

    /** @param interval time between two runs of the reconciliation job */
    public record Reconciliation(@DefaultValue("1h") Duration interval) {}
}
