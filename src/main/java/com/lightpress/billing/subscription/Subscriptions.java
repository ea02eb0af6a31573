package com.lightpress.billing.subscription;

import com.lightpress.users.UserId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the subscription mirror. */
@Service
@Transactional(readOnly = true)
public class Subscriptions {

    private final SubscriptionRepository subscriptions;

    Subscriptions(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** The user's live subscription, or else their most recent one. */
    public Optional<SubscriptionView> current(UserId user) {
        return currentOf(user).map(Subscription::toView);
    }

    public List<SubscriptionView> all(UserId user) {
        return subscriptions.findByUserIdOrderByStripeCreatedAtDesc(user).stream()
                .map(Subscription::toView)
                .toList();
    }

    /** Ids of the user's subscriptions that have not ended. */
    public List<String> liveIds(UserId user) {
        return subscriptions.findByUserIdOrderByStripeCreatedAtDesc(user).stream()
                .filter(Subscription::isLive)
                .map(Subscription::id)
                .toList();
    }

    Optional<Subscription> currentOf(UserId user) {
        var all = subscriptions.findByUserIdOrderByStripeCreatedAtDesc(user);
        return all.stream()
                .filter(Subscription::isLive)
                .findFirst()
                .or(() -> all.stream().findFirst());
    }

    Optional<Subscription> liveOf(UserId user) {
        return currentOf(user).filter(Subscription::isLive);
    }
}
