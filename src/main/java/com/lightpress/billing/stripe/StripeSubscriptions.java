package com.lightpress.billing.stripe;

import com.lightpress.billing.SubscriptionStatus;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.SubscriptionUpdateParams;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Billing's calls on Stripe subscriptions and prices. Calls that change a subscription are
 * idempotent by their nature (they set a value), so stripe-java's own idempotency key, which it
 * keeps across its retries, is enough for them.
 */
@Component
public class StripeSubscriptions {

    private static final Set<SubscriptionStatus> ENDED =
            EnumSet.of(SubscriptionStatus.CANCELED, SubscriptionStatus.INCOMPLETE_EXPIRED);

    private final StripeConnection stripe;
    private final Map<String, StripePrice> prices = new ConcurrentHashMap<>();

    StripeSubscriptions(StripeConnection stripe) {
        this.stripe = stripe;
    }

    public StripeSubscription retrieve(String subscriptionId) {
        return StripeSubscription.of(stripe.call(
                "read subscription", client -> client.v1().subscriptions().retrieve(subscriptionId)));
    }

    /** Every subscription Stripe does not consider canceled, page by page. */
    public List<StripeSubscription> live() {
        return stripe.call("list subscriptions", client -> {
            var result = new ArrayList<StripeSubscription>();
            var params = SubscriptionListParams.builder().setLimit(100L).build();
            for (var subscription : client.v1().subscriptions().list(params).autoPagingIterable()) {
                result.add(StripeSubscription.of(subscription));
            }
            return result;
        });
    }

    /**
     * The customer's subscriptions that have not ended, as Stripe knows them: also those the
     * mirror has not seen yet (a checkout paid a moment ago, a webhook that never arrived).
     */
    public List<StripeSubscription> liveOf(String customerId) {
        return stripe.call("list the customer's subscriptions", client -> {
            var result = new ArrayList<StripeSubscription>();
            var params = SubscriptionListParams.builder()
                    .setCustomer(customerId)
                    .setStatus(SubscriptionListParams.Status.ALL)
                    .setLimit(100L)
                    .build();
            for (var subscription : client.v1().subscriptions().list(params).autoPagingIterable()) {
                var mirrored = StripeSubscription.of(subscription);
                if (!ENDED.contains(mirrored.status())) {
                    result.add(mirrored);
                }
            }
            return result;
        });
    }

    /** Moves the subscription to another price at once, invoicing the proration now. */
    public StripeSubscription changePriceNow(StripeSubscription current, String priceId) {
        if (current.scheduleId() != null) {
            release(current.scheduleId());
        }
        var params = SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder()
                        .setId(current.itemId())
                        .setPrice(priceId)
                        .build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                .build();
        return update(current.id(), params);
    }

    /** Sets or clears cancel at period end; cancelling drops a scheduled plan change first. */
    public StripeSubscription cancelAtPeriodEnd(String subscriptionId, @Nullable String scheduleId, boolean cancel) {
        if (cancel && scheduleId != null) {
            release(scheduleId);
        }
        return update(
                subscriptionId,
                SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(cancel).build());
    }

    /** Ends the subscription now, without proration or a final invoice. */
    public StripeSubscription cancelNow(String subscriptionId) {
        var params = SubscriptionCancelParams.builder()
                .setProrate(false)
                .setInvoiceNow(false)
                .build();
        return StripeSubscription.of(stripe.call(
                "cancel subscription", client -> client.v1().subscriptions().cancel(subscriptionId, params)));
    }

    public StripePrice price(String priceId) {
        var cached = prices.get(priceId);
        if (cached != null) {
            return cached;
        }
        var price = StripePrice.of(
                stripe.call("read price", client -> client.v1().prices().retrieve(priceId)));
        prices.put(priceId, price);
        return price;
    }

    private void release(String scheduleId) {
        stripe.call(
                "release subscription schedule",
                client -> client.v1().subscriptionSchedules().release(scheduleId));
    }

    private StripeSubscription update(String subscriptionId, SubscriptionUpdateParams params) {
        return StripeSubscription.of(stripe.call(
                "update subscription", client -> client.v1().subscriptions().update(subscriptionId, params)));
    }
}
