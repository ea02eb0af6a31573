package com.lightpress.billing.invoice;

import com.lightpress.billing.stripe.StripeInvoice;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What Stripe says about an invoice, mirrored as it is. */
record InvoiceState(
        @Nullable String stripeSubscriptionId,
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
        @Nullable Instant paidAt) {

    static final InvoiceState EMPTY =
            new InvoiceState(null, null, "draft", 0, 0, "", null, null, null, null, 0, null, null);

    static InvoiceState of(StripeInvoice remote) {
        return new InvoiceState(
                remote.subscriptionId(),
                remote.number(),
                remote.status(),
                remote.amountDue(),
                remote.amountPaid(),
                remote.currency(),
                remote.hostedInvoiceUrl(),
                remote.invoicePdf(),
                remote.customerEmail(),
                remote.customerName(),
                remote.attemptCount(),
                remote.nextPaymentAttempt(),
                remote.paidAt());
    }

    boolean paid() {
        return "paid".equals(status);
    }

    /**
     * The state without the customer's name and email, and without the links to Stripe's
     * documents, which show them.
     */
    InvoiceState withoutPersonalFields() {
        return new InvoiceState(
                stripeSubscriptionId,
                number,
                status,
                amountDue,
                amountPaid,
                currency,
                null,
                null,
                null,
                null,
                attemptCount,
                nextPaymentAttempt,
                paidAt);
    }
}
