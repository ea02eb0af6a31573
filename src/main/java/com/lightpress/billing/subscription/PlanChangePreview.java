package com.lightpress.billing.subscription;

import com.lightpress.billing.stripe.StripeInvoices;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What a plan change would cost, as Stripe previews it.
 *
 * @param effective {@code now} for an upgrade (prorated and invoiced at once), {@code period_end}
 *     for a downgrade (the next regular invoice)
 * @param amountDue in the currency's smallest unit
 */
public record PlanChangePreview(
        @Schema(example = "team") String plan,

        @Schema(description = "When the change takes effect: now or period_end", example = "now")
        String effective,

        @Schema(description = "In the currency's smallest unit", example = "4500")
        long amountDue,

        @Schema(example = "usd") String currency,
        List<StripeInvoices.Line> lines) {

    static PlanChangePreview of(String plan, boolean now, StripeInvoices.Preview preview) {
        return new PlanChangePreview(
                plan, now ? "now" : "period_end", preview.amountDue(), preview.currency(), preview.lines());
    }
}
