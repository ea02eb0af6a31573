package com.lightpress.billing.invoice;

import com.lightpress.billing.InvoicePaid;
import com.lightpress.billing.PaymentFailed;
import com.lightpress.billing.stripe.StripeInvoice;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The local mirror of one Stripe invoice, kept as a legal record even after its owner closed
 * their account (then without personal fields). It announces a payment once, when it first sees
 * the invoice paid, and each failed payment attempt once.
 */
@Table(schema = "billing", name = "invoices")
class Invoice extends AbstractAggregateRoot<Invoice> {

    @Id
    private final String stripeInvoiceId;

    private final UserId userId;
    private final Instant stripeCreatedAt;

    @Embedded.Empty
    private InvoiceState state;

    private int failuresReported;
    private @Nullable Instant anonymizedAt;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Invoice(
            String stripeInvoiceId,
            UserId userId,
            Instant stripeCreatedAt,
            InvoiceState state,
            int failuresReported,
            @Nullable Instant anonymizedAt,
            @Nullable Long version) {
        this.stripeInvoiceId = stripeInvoiceId;
        this.userId = userId;
        this.stripeCreatedAt = stripeCreatedAt;
        this.state = state;
        this.failuresReported = failuresReported;
        this.anonymizedAt = anonymizedAt;
        this.version = version;
    }

    static Invoice mirror(UserId user, StripeInvoice remote) {
        var invoice = new Invoice(remote.id(), user, remote.created(), InvoiceState.EMPTY, 0, null, null);
        invoice.sync(remote);
        return invoice;
    }

    /** Takes Stripe's current state; announces the payment if the invoice just became paid. */
    void sync(StripeInvoice remote) {
        var wasPaid = state.paid();
        var next = InvoiceState.of(remote);
        state = anonymizedAt == null ? next : next.withoutPersonalFields();
        if (!wasPaid && state.paid() && state.amountPaid() > 0) {
            registerEvent(InvoicePaid.of(
                    userId,
                    stripeInvoiceId,
                    Objects.requireNonNullElse(state.number(), stripeInvoiceId),
                    state.amountPaid(),
                    state.currency(),
                    Objects.requireNonNullElse(state.hostedInvoiceUrl(), ""),
                    Objects.requireNonNullElse(state.paidAt(), remote.created())));
        }
    }

    /** Stripe says a payment attempt failed; each attempt is announced once, none once paid. */
    void paymentFailed() {
        if (!state.paid() && state.attemptCount() > failuresReported) {
            failuresReported = state.attemptCount();
            registerEvent(PaymentFailed.of(
                    userId,
                    stripeInvoiceId,
                    state.amountDue(),
                    state.currency(),
                    state.attemptCount(),
                    state.nextPaymentAttempt(),
                    Objects.requireNonNullElse(state.hostedInvoiceUrl(), "")));
        }
    }

    /** Keeps the invoice as a record of amounts and dates, without what identifies a person. */
    void anonymize(Instant now) {
        if (anonymizedAt == null) {
            anonymizedAt = now;
            state = state.withoutPersonalFields();
        }
    }

    InvoiceView toView() {
        return new InvoiceView(
                stripeInvoiceId,
                state.number(),
                state.status(),
                state.amountDue(),
                state.amountPaid(),
                state.currency(),
                state.hostedInvoiceUrl(),
                state.invoicePdf(),
                state.paidAt(),
                stripeCreatedAt);
    }
}
