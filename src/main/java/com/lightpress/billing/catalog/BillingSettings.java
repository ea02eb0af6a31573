package com.lightpress.billing.catalog;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing's settings.
 *
 * @param plans the plan catalog by plan code
 */
@ConfigurationProperties("lightpress.billing")
public record BillingSettings(@DefaultValue Map<String, Plan> plans) {

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
}
