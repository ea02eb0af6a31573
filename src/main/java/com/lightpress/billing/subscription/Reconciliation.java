package com.lightpress.billing.subscription;

import com.lightpress.billing.catalog.PlanCatalog;
import com.lightpress.billing.stripe.StripeCallFailed;
import com.lightpress.billing.stripe.StripeConnection;
import com.lightpress.billing.stripe.StripeSubscription;
import com.lightpress.billing.stripe.StripeSubscriptions;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Compares the mirror with Stripe and corrects drift (a webhook that never arrived, a row changed
 * by hand). Every subscription Stripe lists as not canceled is compared with its mirror; a
 * differing one is re-read and synced, so the correction uses Stripe's newest state. Mirrors that
 * are live locally but absent from Stripe's list are re-read one by one (they usually ended).
 */
@Service
public class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    private final SubscriptionRepository subscriptions;
    private final SubscriptionSync sync;
    private final StripeSubscriptions stripe;
    private final StripeConnection connection;
    private final PlanCatalog catalog;

    Reconciliation(
            SubscriptionRepository subscriptions,
            SubscriptionSync sync,
            StripeSubscriptions stripe,
            StripeConnection connection,
            PlanCatalog catalog) {
        this.subscriptions = subscriptions;
        this.sync = sync;
        this.stripe = stripe;
        this.connection = connection;
        this.catalog = catalog;
    }

    public ReconciliationReport reconcile() {
        connection.requireConfigured();
        var corrections = new ArrayList<SyncOutcome>();
        var listed = new HashSet<String>();
        for (var remote : stripe.live()) {
            listed.add(remote.id());
            if (drifted(remote)) {
                correct(remote.id(), corrections);
            }
        }
        var unlisted = subscriptions.findLive().stream()
                .map(Subscription::id)
                .filter(id -> !listed.contains(id))
                .toList();
        unlisted.forEach(id -> correct(id, corrections));
        return new ReconciliationReport(listed.size() + unlisted.size(), corrections);
    }

    private boolean drifted(StripeSubscription remote) {
        var plan = catalog.codeForPrice(remote.priceId()).orElse(remote.priceId());
        return subscriptions
                .findById(remote.id())
                .map(local -> !local.matches(remote, plan))
                .orElse(true);
    }

    private void correct(String subscriptionId, List<SyncOutcome> corrections) {
        try {
            var outcome = sync.sync(subscriptionId);
            if (outcome.changed()) {
                LOG.warn(
                        "Reconciliation corrected subscription {} of user {}: {}",
                        subscriptionId,
                        outcome.user(),
                        outcome.created() ? "it was missing" : String.join(", ", outcome.changes()));
                corrections.add(outcome);
            }
        } catch (StripeCallFailed e) {
            LOG.warn("Reconciliation could not re-read subscription {}: {}", subscriptionId, e.getMessage());
        }
    }

    /** What one reconciliation run looked at and corrected. */
    public record ReconciliationReport(
            @Schema(example = "42") int checked, List<SyncOutcome> corrections) {

        public Set<String> correctedIds() {
            return Set.copyOf(
                    corrections.stream().map(SyncOutcome::subscriptionId).toList());
        }
    }
}
