package com.lightpress.billing.stripe;

import com.lightpress.billing.SubscriptionStatus;
import com.stripe.model.Subscription;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A subscription as Stripe holds it right now: the values billing mirrors, free of stripe-java's
 * types so the rest of billing does not depend on the SDK's model.
 *
 * @param userIdInMetadata the user id Lightpress put in the subscription's metadata at checkout
 * @param scheduleId the subscription schedule that holds a change at period end, if any
 */
public record StripeSubscription(
        String id,
        String customerId,
        @Nullable String userIdInMetadata,
        SubscriptionStatus status,
        String itemId,
        String priceId,
        @Nullable Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        @Nullable Instant trialEnd,
        @Nullable String scheduleId,
        Instant created) {

    static StripeSubscription of(Subscription subscription) {
        var item = subscription.getItems().getData().get(0);
        var metadata = subscription.getMetadata();
        return new StripeSubscription(
                subscription.getId(),
                subscription.getCustomer(),
                metadata == null ? null : metadata.get("user_id"),
                SubscriptionStatus.fromStripe(subscription.getStatus()),
                item.getId(),
                item.getPrice().getId(),
                instant(item.getCurrentPeriodEnd()),
                Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()),
                instant(subscription.getTrialEnd()),
                subscription.getSchedule(),
                Instant.ofEpochSecond(subscription.getCreated()));
    }

    static @Nullable Instant instant(@Nullable Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }
}
