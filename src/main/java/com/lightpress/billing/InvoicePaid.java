package com.lightpress.billing;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * An invoice was paid.
 *
 * @param amountPaid in the currency's smallest unit (cents)
 * @param currency ISO 4217, lower case as Stripe writes it
 * @param hostedInvoiceUrl Stripe's page for the invoice, with its PDF
 */
public record InvoicePaid(
        UUID eventId,
        UserId userId,
        String invoiceId,
        String number,
        long amountPaid,
        String currency,
        String hostedInvoiceUrl,
        Instant paidAt)
        implements DomainEvent {

    public static InvoicePaid of(
            UserId userId,
            String invoiceId,
            String number,
            long amountPaid,
            String currency,
            String hostedInvoiceUrl,
            Instant paidAt) {
        return new InvoicePaid(
                UUID.randomUUID(), userId, invoiceId, number, amountPaid, currency, hostedInvoiceUrl, paidAt);
    }
}
