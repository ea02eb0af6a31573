package com.lightpress.billing.stripe;

import com.stripe.model.Invoice;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An invoice as Stripe holds it right now, free of stripe-java's types. */
public record StripeInvoice(
        String id,
        String customerId,
        @Nullable String subscriptionId,
        @Nullable String number,
        String status,
        long amountDue,
        long amountPaid,
        String currency,
        @Nullable String hostedInvoiceUrl,
        @Nullable String invoicePdf,
        @Nullable String customerEmail,
        @Nullable String customerName,
        int attemptCount,
        @Nullable Instant nextPaymentAttempt,
        @Nullable Instant paidAt,
        Instant created) {

    static StripeInvoice of(Invoice invoice) {
        var transitions = invoice.getStatusTransitions();
        return new StripeInvoice(
                invoice.getId(),
                invoice.getCustomer(),
                subscriptionOf(invoice),
                invoice.getNumber(),
                invoice.getStatus(),
                value(invoice.getAmountDue()),
                value(invoice.getAmountPaid()),
                invoice.getCurrency(),
                invoice.getHostedInvoiceUrl(),
                invoice.getInvoicePdf(),
                invoice.getCustomerEmail(),
                invoice.getCustomerName(),
                (int) value(invoice.getAttemptCount()),
                StripeSubscription.instant(invoice.getNextPaymentAttempt()),
                transitions == null ? null : StripeSubscription.instant(transitions.getPaidAt()),
                Instant.ofEpochSecond(invoice.getCreated()));
    }

    public boolean paid() {
        return "paid".equals(status);
    }

    private static @Nullable String subscriptionOf(Invoice invoice) {
        var parent = invoice.getParent();
        if (parent == null || parent.getSubscriptionDetails() == null) {
            return null;
        }
        return parent.getSubscriptionDetails().getSubscription();
    }

    private static long value(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
