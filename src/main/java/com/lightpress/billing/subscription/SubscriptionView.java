package com.lightpress.billing.subscription;

import com.lightpress.billing.SubscriptionStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A subscription as its owner sees it.
 *
 * @param pendingPlan the plan a scheduled downgrade switches to when the period ends
 */
public record SubscriptionView(
        @Schema(example = "pro") String plan,
        SubscriptionStatus status,
        @Nullable Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        @Nullable Instant trialEnd,

        @Schema(description = "The plan that starts at the end of the period, if a change waits", example = "team")
        @Nullable
        String pendingPlan,

        Instant createdAt) {}
