package com.lightpress.billing.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The plans customers can choose, from configuration. */
@Component
public class PlanCatalog {

    private final BillingSettings settings;

    PlanCatalog(BillingSettings settings) {
        this.settings = settings;
    }

    public List<PlanView> plans() {
        return settings.plans().entrySet().stream()
                .map(entry -> PlanView.of(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(PlanView::code))
                .toList();
    }

    /** A plan as clients see it. */
    public record PlanView(
            String code,
            String displayName,
            boolean paid,
            Set<String> features,
            Map<String, Long> limits,
            int trialDays) {

        static PlanView of(String code, BillingSettings.Plan plan) {
            @Nullable String price = plan.priceId();
            return new PlanView(
                    code, plan.displayName(), price != null, plan.features(), plan.limits(), plan.trialDays());
        }
    }
}
