package com.lightpress.billing.web;

import com.lightpress.billing.catalog.PlanCatalog;
import com.lightpress.billing.catalog.PlanCatalog.PlanView;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public plan catalog. */
@RestController
class PlanController {

    private final PlanCatalog catalog;

    PlanController(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/billing/plans")
    List<PlanView> plans() {
        return catalog.plans();
    }
}
