package com.lightpress.billing.subscription;

import com.lightpress.billing.catalog.PlanCatalog;
import com.lightpress.billing.customer.Customers;
import com.lightpress.billing.customer.Customers.NewOrExisting;
import com.lightpress.billing.stripe.StripeSubscription;
import com.lightpress.billing.stripe.StripeSubscriptions;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the mirror of a subscription up to Stripe's current state. The mirror is loaded before
 * Stripe is read, so when another writer saves a newer state in between, this save fails on the
 * version check and is retried with a fresh read instead of overwriting newer with older.
 */
@Service
public class SubscriptionSync {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionSync.class);

    private final SubscriptionRepository subscriptions;
    private final StripeSubscriptions stripe;
    private final Customers customers;
    private final UserAccounts users;
    private final PlanCatalog catalog;
    private final Clock clock;

    SubscriptionSync(
            SubscriptionRepository subscriptions,
            StripeSubscriptions stripe,
            Customers customers,
            UserAccounts users,
            PlanCatalog catalog,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.stripe = stripe;
        this.customers = customers;
        this.users = users;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Re-reads the subscription from Stripe and mirrors it. */
    @Transactional
    public SyncOutcome sync(String subscriptionId) {
        var local = subscriptions.findById(subscriptionId);
        return apply(local, stripe.retrieve(subscriptionId), it -> {});
    }

    /** Mirrors the subscription, then tells its owner that the trial ends soon if it still does. */
    @Transactional
    public SyncOutcome trialEnding(String subscriptionId) {
        var local = subscriptions.findById(subscriptionId);
        return apply(local, stripe.retrieve(subscriptionId), Subscription::trialEnding);
    }

    /** Mirrors a state Stripe has just answered, onto a mirror loaded before Stripe was called. */
    SyncOutcome apply(Optional<Subscription> local, StripeSubscription remote) {
        return apply(local, remote, it -> {});
    }

    void save(Subscription subscription) {
        subscriptions.save(subscription);
    }

    private SyncOutcome apply(
            Optional<Subscription> local, StripeSubscription remote, Consumer<Subscription> afterwards) {
        var plan = catalog.codeForPrice(remote.priceId()).orElse(remote.priceId());
        var now = clock.instant();
        if (local.isPresent()) {
            var subscription = local.get();
            var changes = subscription.sync(remote, plan, now);
            afterwards.accept(subscription);
            subscriptions.save(subscription);
            return new SyncOutcome(remote.id(), subscription.userId(), false, changes);
        }
        var owner = owner(remote);
        if (owner.isEmpty()) {
            LOG.info("Subscription {} of customer {} belongs to no Lightpress user", remote.id(), remote.customerId());
            return SyncOutcome.foreign(remote.id());
        }
        var subscription = Subscription.mirror(owner.get(), remote, plan, now);
        afterwards.accept(subscription);
        subscriptions.save(subscription);
        return new SyncOutcome(remote.id(), owner.get(), true, List.of());
    }

    /**
     * The customer's user; failing that the user named in the subscription's metadata, if that
     * user exists (the customer was created but recording it failed).
     */
    private Optional<UserId> owner(StripeSubscription remote) {
        var known = customers.userOf(remote.customerId());
        if (known.isPresent()) {
            return known;
        }
        var named = parse(remote.userIdInMetadata())
                .filter(user -> users.findProfile(user).isPresent());
        named.filter(user -> customers.customerOf(user).isEmpty())
                .ifPresent(user -> customers.record(new NewOrExisting(user, remote.customerId(), false)));
        return named;
    }

    private static Optional<UserId> parse(@Nullable String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(new UserId(UUID.fromString(value)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
