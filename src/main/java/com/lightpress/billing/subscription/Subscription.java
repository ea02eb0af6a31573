package com.lightpress.billing.subscription;

import com.lightpress.billing.SubscriptionStatus;
import com.lightpress.billing.SubscriptionStatusChanged;
import com.lightpress.billing.TrialEnding;
import com.lightpress.billing.stripe.StripeSubscription;
import com.lightpress.users.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The local mirror of one Stripe subscription. Stripe is the source of truth: {@link #sync} takes
 * Stripe's current state and publishes an event only when the status really changes, so a
 * redelivered or reordered webhook never announces a change twice.
 */
@Table(schema = "billing", name = "subscriptions")
class Subscription extends AbstractAggregateRoot<Subscription> {

    static final Set<SubscriptionStatus> ENDED =
            EnumSet.of(SubscriptionStatus.CANCELED, SubscriptionStatus.INCOMPLETE_EXPIRED);

    @Id
    private final String stripeSubscriptionId;

    private final UserId userId;
    private final String stripeCustomerId;
    private final Instant stripeCreatedAt;

    @Embedded.Empty
    private SubscriptionState state;

    private @Nullable String pendingPlan;
    private @Nullable Instant pastDueSince;
    private @Nullable Instant trialEndingNotifiedFor;
    private Instant syncedAt;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Subscription(
            String stripeSubscriptionId,
            UserId userId,
            String stripeCustomerId,
            Instant stripeCreatedAt,
            SubscriptionState state,
            @Nullable String pendingPlan,
            @Nullable Instant pastDueSince,
            @Nullable Instant trialEndingNotifiedFor,
            Instant syncedAt,
            @Nullable Long version) {
        this.stripeSubscriptionId = stripeSubscriptionId;
        this.userId = userId;
        this.stripeCustomerId = stripeCustomerId;
        this.stripeCreatedAt = stripeCreatedAt;
        this.state = state;
        this.pendingPlan = pendingPlan;
        this.pastDueSince = pastDueSince;
        this.trialEndingNotifiedFor = trialEndingNotifiedFor;
        this.syncedAt = syncedAt;
        this.version = version;
    }

    /** The first sight of a subscription: its status "changed" from nothing. */
    static Subscription mirror(UserId user, StripeSubscription remote, String plan, Instant now) {
        var state = SubscriptionState.of(remote, plan);
        var subscription = new Subscription(
                remote.id(), user, remote.customerId(), remote.created(), state, null, null, null, now, null);
        subscription.pastDueSince = remote.status() == SubscriptionStatus.PAST_DUE ? now : null;
        subscription.registerEvent(SubscriptionStatusChanged.of(user, null, remote.status(), plan));
        return subscription;
    }

    /** Takes Stripe's current state; answers what changed, empty when nothing did. */
    List<String> sync(StripeSubscription remote, String plan, Instant now) {
        var next = SubscriptionState.of(remote, plan);
        var changes = state.differences(next);
        if (state.status() != next.status()) {
            registerEvent(SubscriptionStatusChanged.of(userId, state.status(), next.status(), plan));
            pastDueSince = next.status() == SubscriptionStatus.PAST_DUE ? now : null;
        }
        if (next.scheduleId() == null || plan.equals(pendingPlan)) {
            pendingPlan = null;
        }
        state = next;
        syncedAt = now;
        return changes;
    }

    boolean matches(StripeSubscription remote, String plan) {
        return state.equals(SubscriptionState.of(remote, plan));
    }

    /** A downgrade waits in a Stripe schedule until the period ends. */
    void changeAtPeriodEnd(String plan, String scheduleId) {
        pendingPlan = plan;
        state = state.withSchedule(scheduleId);
    }

    /** Stripe says the trial ends soon; said once per trial end. */
    void trialEnding() {
        var trialEnd = state.trialEnd();
        if (state.status() == SubscriptionStatus.TRIALING
                && trialEnd != null
                && !trialEnd.equals(trialEndingNotifiedFor)) {
            trialEndingNotifiedFor = trialEnd;
            registerEvent(TrialEnding.of(userId, state.plan(), trialEnd));
        }
    }

    boolean isLive() {
        return !ENDED.contains(state.status());
    }

    /** Whether the plan's features apply now: paid or trialing, or past due within the grace. */
    boolean grantsPlan(Instant now, Duration pastDueGrace) {
        return switch (state.status()) {
            case ACTIVE, TRIALING -> true;
            case PAST_DUE -> pastDueSince == null || now.isBefore(pastDueSince.plus(pastDueGrace));
            default -> false;
        };
    }

    String id() {
        return stripeSubscriptionId;
    }

    UserId userId() {
        return userId;
    }

    String plan() {
        return state.plan();
    }

    @Nullable
    String scheduleId() {
        return state.scheduleId();
    }

    Instant stripeCreatedAt() {
        return stripeCreatedAt;
    }

    SubscriptionView toView() {
        return new SubscriptionView(
                state.plan(),
                state.status(),
                state.currentPeriodEnd(),
                state.cancelAtPeriodEnd(),
                state.trialEnd(),
                pendingPlan,
                stripeCreatedAt);
    }
}
