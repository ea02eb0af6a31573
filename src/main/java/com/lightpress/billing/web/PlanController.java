package com.lightpress.billing.web;

import com.lightpress.billing.catalog.PlanCatalog;
import com.lightpress.billing.catalog.PlanCatalog.PlanView;
import com.lightpress.billing.stripe.StripeConnection;
import com.lightpress.platform.ApiExample;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public plan catalog, and whether payments are possible at all. */
@RestController
class PlanController {

    private final PlanCatalog catalog;
    private final StripeConnection stripe;

    PlanController(PlanCatalog catalog, StripeConnection stripe) {
        this.catalog = catalog;
        this.stripe = stripe;
    }

    @Operation(summary = "List the plans", description = "The plan catalog with prices and features; needs no token.")
    @GetMapping("/api/billing/plans")
    List<PlanView> plans() {
        return catalog.plans();
    }

    /** Lets a client show up front that subscribing is off, rather than after a refused attempt. */
    @Operation(
            summary = "Is billing available",
            description = "Whether this deployment takes payments; needs no token.")
    @ApiExample(response = "{\"configured\": true}")
    @GetMapping("/api/billing/status")
    Map<String, Boolean> status() {
        return Map.of("configured", stripe.configured());
    }
}
