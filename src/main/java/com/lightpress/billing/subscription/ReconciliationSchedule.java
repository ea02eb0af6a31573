package com.lightpress.billing.subscription;

import com.lightpress.billing.stripe.StripeConnection;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the reconciliation on a schedule, when Stripe is configured. */
@Component
class ReconciliationSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationSchedule.class);

    private final Reconciliation reconciliation;
    private final StripeConnection connection;

    ReconciliationSchedule(Reconciliation reconciliation, StripeConnection connection) {
        this.reconciliation = reconciliation;
        this.connection = connection;
    }

    @Scheduled(
            initialDelayString = "${lightpress.billing.reconciliation.interval:1h}",
            fixedDelayString = "${lightpress.billing.reconciliation.interval:1h}")
    @SchedulerLock(
            name = "billing.reconciliation",
            lockAtMostFor = "${lightpress.billing.reconciliation.interval:1h}",
            lockAtLeastFor = "${lightpress.billing.reconciliation.interval:1h}")
    void run() {
        if (!connection.configured()) {
            return;
        }
        try {
            var report = reconciliation.reconcile();
            LOG.info(
                    "Reconciliation checked {} subscriptions and corrected {}",
                    report.checked(),
                    report.corrections().size());
        } catch (RuntimeException e) {
            LOG.warn("Reconciliation failed; it runs again at the next interval", e);
        }
    }
}
