package com.lightpress.billing.subscription;

import com.lightpress.billing.SubscriptionStatus;
import com.lightpress.billing.stripe.StripeSubscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What Stripe says about the subscription, mirrored as it is. */
record SubscriptionState(
        String plan,
        String stripePriceId,
        SubscriptionStatus status,
        @Nullable Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        @Nullable Instant trialEnd,
        @Nullable String scheduleId) {

    static SubscriptionState of(StripeSubscription remote, String plan) {
        return new SubscriptionState(
                plan,
                remote.priceId(),
                remote.status(),
                remote.currentPeriodEnd(),
                remote.cancelAtPeriodEnd(),
                remote.trialEnd(),
                remote.scheduleId());
    }

    SubscriptionState withSchedule(String schedule) {
        return new SubscriptionState(
                plan, stripePriceId, status, currentPeriodEnd, cancelAtPeriodEnd, trialEnd, schedule);
    }

    List<String> differences(SubscriptionState other) {
        var changes = new ArrayList<String>();
        compare(changes, "status", status, other.status);
        compare(changes, "plan", plan, other.plan);
        compare(changes, "currentPeriodEnd", currentPeriodEnd, other.currentPeriodEnd);
        compare(changes, "cancelAtPeriodEnd", cancelAtPeriodEnd, other.cancelAtPeriodEnd);
        compare(changes, "trialEnd", trialEnd, other.trialEnd);
        compare(changes, "schedule", scheduleId, other.scheduleId);
        return changes;
    }

    private static void compare(List<String> changes, String name, @Nullable Object from, @Nullable Object to) {
        if (!Objects.equals(from, to)) {
            changes.add(name + " " + from + " -> " + to);
        }
    }
}
