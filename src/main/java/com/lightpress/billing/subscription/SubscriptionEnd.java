package com.lightpress.billing.subscription;

import com.lightpress.billing.stripe.StripeSubscriptions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ends a subscription at once, for an account that is closed. */
@Service
public class SubscriptionEnd {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionSync sync;
    private final StripeSubscriptions stripe;

    SubscriptionEnd(SubscriptionRepository subscriptions, SubscriptionSync sync, StripeSubscriptions stripe) {
        this.subscriptions = subscriptions;
        this.sync = sync;
        this.stripe = stripe;
    }

    /**
     * Cancels the subscription in Stripe unless Stripe says it has ended already (a retry after a
     * partial success), and mirrors the result.
     */
    @Transactional
    public void endNow(String subscriptionId) {
        var local = subscriptions.findById(subscriptionId);
        var current = stripe.retrieve(subscriptionId);
        var ended = Subscription.ENDED.contains(current.status()) ? current : stripe.cancelNow(subscriptionId);
        sync.apply(local, ended);
    }
}
