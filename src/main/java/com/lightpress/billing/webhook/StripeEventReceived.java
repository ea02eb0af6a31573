package com.lightpress.billing.webhook;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Billing's own record that a Stripe event was accepted and still needs to be applied; its
 * listener runs through the event registry, so a failure leaves it to be retried.
 *
 * @param objectId the id of the event's object (subscription, invoice, checkout session)
 * @param subscriptionId for a completed checkout, the subscription it created
 */
public record StripeEventReceived(
        String stripeEventId,
        String type,
        String objectId,
        @Nullable String subscriptionId,
        Instant created) {}
