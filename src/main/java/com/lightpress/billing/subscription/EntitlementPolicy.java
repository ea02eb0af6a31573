package com.lightpress.billing.subscription;

import com.lightpress.billing.Entitlement;
import com.lightpress.billing.Entitlements;
import com.lightpress.billing.catalog.PlanCatalog;
import com.lightpress.billing.config.BillingSettings;
import com.lightpress.users.UserId;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Which plan's features a user has: an active or trialing subscription gives its plan, a past-due
 * one keeps it for the grace period (Stripe is still retrying the payment), anything else falls
 * back to the free plan. Works without Stripe, from the mirror alone.
 */
@Service
class EntitlementPolicy implements Entitlements {

    private final Subscriptions subscriptions;
    private final PlanCatalog catalog;
    private final BillingSettings settings;
    private final Clock clock;

    EntitlementPolicy(Subscriptions subscriptions, PlanCatalog catalog, BillingSettings settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Entitlement of(UserId user) {
        return subscriptions
                .currentOf(user)
                .filter(subscription -> subscription.grantsPlan(clock.instant(), settings.pastDueGrace()))
                .map(Subscription::plan)
                .filter(plan -> catalog.plan(plan).isPresent())
                .map(this::entitlement)
                .orElseGet(() -> entitlement(catalog.freePlanCode()));
    }

    private Entitlement entitlement(String code) {
        return catalog.plan(code)
                .map(plan -> new Entitlement(code, Set.copyOf(plan.features()), Map.copyOf(plan.limits())))
                .orElseGet(() -> new Entitlement(code, Set.of(), Map.of()));
    }
}
