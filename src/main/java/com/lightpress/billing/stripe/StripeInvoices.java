package com.lightpress.billing.stripe;

import com.stripe.model.InvoiceLineItem;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceCreatePreviewParams.SubscriptionDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reading invoices and previewing what a plan change would be invoiced. */
@Component
public class StripeInvoices {

    private final StripeConnection stripe;

    StripeInvoices(StripeConnection stripe) {
        this.stripe = stripe;
    }

    public StripeInvoice retrieve(String invoiceId) {
        return StripeInvoice.of(
                stripe.call("read invoice", client -> client.v1().invoices().retrieve(invoiceId)));
    }

    /**
     * Stripe's preview of the invoice a price change creates: prorated now for an upgrade, the
     * next regular invoice for a change at period end.
     */
    public Preview preview(StripeSubscription current, String priceId, boolean now, Instant at) {
        var behavior =
                now ? SubscriptionDetails.ProrationBehavior.ALWAYS_INVOICE : SubscriptionDetails.ProrationBehavior.NONE;
        var params = InvoiceCreatePreviewParams.builder()
                .setCustomer(current.customerId())
                .setSubscription(current.id())
                .setSubscriptionDetails(SubscriptionDetails.builder()
                        .addItem(SubscriptionDetails.Item.builder()
                                .setId(current.itemId())
                                .setPrice(priceId)
                                .build())
                        .setProrationBehavior(behavior)
                        .setProrationDate(at.getEpochSecond())
                        .build())
                .build();
        var invoice = stripe.call(
                "preview the plan change", client -> client.v1().invoices().createPreview(params));
        var lines =
                invoice.getLines().getData().stream().map(StripeInvoices::line).toList();
        return new Preview(invoice.getAmountDue(), invoice.getCurrency(), lines);
    }

    private static Line line(InvoiceLineItem item) {
        var parent = item.getParent();
        var proration = parent != null
                && parent.getSubscriptionItemDetails() != null
                && Boolean.TRUE.equals(parent.getSubscriptionItemDetails().getProration());
        return new Line(item.getDescription(), item.getAmount(), proration);
    }

    /** An invoice preview: what is due and the lines it is made of. */
    public record Preview(long amountDue, String currency, List<Line> lines) {}

    public record Line(
            @Schema(example = "Remaining time on Team after 30 Nov 2026")
            String description,

            @Schema(description = "In the currency's smallest unit", example = "4500")
            long amount,

            boolean proration) {}
}
