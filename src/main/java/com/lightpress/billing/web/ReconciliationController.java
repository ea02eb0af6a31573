package com.lightpress.billing.web;

import com.lightpress.billing.subscription.Reconciliation;
import com.lightpress.billing.subscription.Reconciliation.ReconciliationReport;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an admin compare the subscription mirror with Stripe now, instead of at the next run. */
@RestController
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @PostMapping("/api/admin/billing/reconcile")
    ReconciliationReport reconcile() {
        return reconciliation.reconcile();
    }
}
