package com.lightpress.billing;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Charging an invoice failed; Stripe retries it on its schedule.
 *
 * @param amountDue in the currency's smallest unit (cents)
 * @param attemptCount how many times Stripe has tried so far
 * @param nextAttemptAt when Stripe tries again, or null when it has given up
 */
public record PaymentFailed(
        UUID eventId,
        UserId userId,
        String invoiceId,
        long amountDue,
        String currency,
        int attemptCount,
        @Nullable Instant nextAttemptAt,
        String hostedInvoiceUrl)
        implements DomainEvent {

    public static PaymentFailed of(
            UserId userId,
            String invoiceId,
            long amountDue,
            String currency,
            int attemptCount,
            @Nullable Instant nextAttemptAt,
            String hostedInvoiceUrl) {
        return new PaymentFailed(
                UUID.randomUUID(),
                userId,
                invoiceId,
                amountDue,
                currency,
                attemptCount,
                nextAttemptAt,
                hostedInvoiceUrl);
    }
}
