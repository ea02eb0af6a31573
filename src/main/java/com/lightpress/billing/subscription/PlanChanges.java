package com.lightpress.billing.subscription;

import com.lightpress.billing.catalog.PlanCatalog;
import com.lightpress.billing.catalog.PlanCatalog.PaidPlan;
import com.lightpress.billing.stripe.StripeConnection;
import com.lightpress.billing.stripe.StripeInvoices;
import com.lightpress.billing.stripe.StripeSchedules;
import com.lightpress.billing.stripe.StripeSubscription;
import com.lightpress.billing.stripe.StripeSubscriptions;
import com.lightpress.users.UserId;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;

/**
 * Changes to a live subscription: upgrades at once with proration, downgrades at period end
 * through a Stripe schedule, cancelling at period end and undoing that. Which is an upgrade is
 * decided by what the prices cost per year. The mirror takes Stripe's answer at once; the
 * webhook that follows confirms it.
 */
@Service
public class PlanChanges {

    private static final Logger LOG = LoggerFactory.getLogger(PlanChanges.class);

    private final PlanCatalog catalog;
    private final Subscriptions subscriptions;
    private final SubscriptionSync sync;
    private final StripeSubscriptions stripe;
    private final StripeSchedules schedules;
    private final StripeInvoices invoices;
    private final StripeConnection connection;
    private final Clock clock;

    PlanChanges(
            PlanCatalog catalog,
            Subscriptions subscriptions,
            SubscriptionSync sync,
            StripeSubscriptions stripe,
            StripeSchedules schedules,
            StripeInvoices invoices,
            StripeConnection connection,
            Clock clock) {
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.sync = sync;
        this.stripe = stripe;
        this.schedules = schedules;
        this.invoices = invoices;
        this.connection = connection;
        this.clock = clock;
    }

    public PlanChangePreview preview(UserId user, String planCode) {
        var change = prepare(user, planCode);
        var preview = invoices.preview(change.remote(), change.target().priceId(), change.upgrade(), clock.instant());
        return PlanChangePreview.of(planCode, change.upgrade(), preview);
    }

    public SubscriptionView change(UserId user, String planCode) {
        var change = prepare(user, planCode);
        if (change.upgrade()) {
            return mirror(
                    change.local(),
                    stripe.changePriceNow(change.remote(), change.target().priceId()));
        }
        var scheduleId = schedules.changeAtPeriodEnd(
                change.remote(), stripe.price(change.target().priceId()));
        change.local().changeAtPeriodEnd(planCode, scheduleId);
        return saveQuietly(change.local());
    }

    public SubscriptionView cancelAtPeriodEnd(UserId user, boolean cancel) {
        connection.requireConfigured();
        var local = subscriptions.liveOf(user).orElseThrow(NoSubscription::new);
        return mirror(local, stripe.cancelAtPeriodEnd(local.id(), local.scheduleId(), cancel));
    }

    private Change prepare(UserId user, String planCode) {
        connection.requireConfigured();
        var target = catalog.paidPlan(planCode).orElseThrow(() -> new UnknownPlan(planCode));
        var local = subscriptions.liveOf(user).orElseThrow(NoSubscription::new);
        if (local.plan().equals(planCode)) {
            throw new AlreadyOnPlan(planCode);
        }
        var remote = stripe.retrieve(local.id());
        var from = stripe.price(remote.priceId()).yearlyAmount();
        var to = stripe.price(target.priceId()).yearlyAmount();
        return new Change(local, remote, target, to >= from);
    }

    private SubscriptionView mirror(Subscription local, StripeSubscription remote) {
        try {
            sync.apply(Optional.of(local), remote);
        } catch (OptimisticLockingFailureException | DbActionExecutionException e) {
            LOG.info("Subscription {} changed concurrently; its webhook brings the newest state", local.id());
        }
        return local.toView();
    }

    private SubscriptionView saveQuietly(Subscription local) {
        try {
            sync.save(local);
        } catch (OptimisticLockingFailureException | DbActionExecutionException e) {
            LOG.info("Subscription {} changed concurrently; its webhook brings the newest state", local.id());
        }
        return local.toView();
    }

    private record Change(Subscription local, StripeSubscription remote, PaidPlan target, boolean upgrade) {}
}
