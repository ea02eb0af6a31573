package com.lightpress.billing.subscription;

import com.lightpress.billing.stripe.StripeInvoices;
import java.util.List;

/**
 * What a plan change would cost, as Stripe previews it.
 *
 * @param effective {@code now} for an upgrade (prorated and invoiced at once), {@code period_end}
 *     for a downgrade (the next regular invoice)
 * @param amountDue in the currency's smallest unit
 */
public record PlanChangePreview(
        String plan, String effective, long amountDue, String currency, List<StripeInvoices.Line> lines) {

    static PlanChangePreview of(String plan, boolean now, StripeInvoices.Preview preview) {
        return new PlanChangePreview(
                plan, now ? "now" : "period_end", preview.amountDue(), preview.currency(), preview.lines());
    }
}
