package com.lightpress.billing.catalog;

import com.lightpress.billing.config.BillingSettings;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    public Optional<BillingSettings.Plan> plan(String code) {
        return Optional.ofNullable(settings.plans().get(code));
    }

    /** A plan customers can pay for: it exists and has a Stripe price. */
    public Optional<PaidPlan> paidPlan(String code) {
        return plan(code)
                .flatMap(plan ->
                        Optional.ofNullable(plan.priceId()).map(price -> new PaidPlan(code, price, plan.trialDays())));
    }

    /** The code of the plan that charges the given Stripe price. */
    public Optional<String> codeForPrice(String priceId) {
        return settings.plans().entrySet().stream()
                .filter(entry -> priceId.equals(entry.getValue().priceId()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    public String freePlanCode() {
        return settings.freePlan();
    }

    /** A plan with a price, as checkout and plan changes need it. */
    public record PaidPlan(String code, String priceId, int trialDays) {}

    /** A plan as clients see it. */
    public record PlanView(
            @Schema(example = "pro") String code,
            @Schema(example = "Pro") String displayName,
            boolean paid,

            @Schema(example = "[\"core\", \"exports\", \"priority-support\"]")
            Set<String> features,

            @Schema(example = "{\"projects\": 20}") Map<String, Long> limits,
            @Schema(example = "14") int trialDays) {

        static PlanView of(String code, BillingSettings.Plan plan) {
            @Nullable String price = plan.priceId();
            return new PlanView(
                    code, plan.displayName(), price != null, plan.features(), plan.limits(), plan.trialDays());
        }
    }
}
