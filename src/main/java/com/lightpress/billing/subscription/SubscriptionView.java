package com.lightpress.billing.subscription;

import com.lightpress.billing.SubscriptionStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A subscription as its owner sees it.
 *
 * @param pendingPlan the plan a scheduled downgrade switches to when the period ends
 */
public record SubscriptionView(
        String plan,
        SubscriptionStatus status,
        @Nullable Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        @Nullable Instant trialEnd,
        @Nullable String pendingPlan,
        Instant createdAt) {}
