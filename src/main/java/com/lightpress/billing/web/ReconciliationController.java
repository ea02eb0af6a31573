package com.lightpress.billing.web;

import com.lightpress.billing.subscription.Reconciliation;
import com.lightpress.billing.subscription.Reconciliation.ReconciliationReport;
import com.lightpress.platform.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an admin compare the subscription mirror with Stripe now, instead of at the next run. */
@RestController
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Operation(
            summary = "Reconcile with Stripe",
            description =
                    "Compares local subscriptions with Stripe's and repairs what drifted; answers what it found. 502 when Stripe fails.")
    @ApiProblems({502})
    @PostMapping("/api/admin/billing/reconcile")
    ReconciliationReport reconcile() {
        return reconciliation.reconcile();
    }
}
