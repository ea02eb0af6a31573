package com.lightpress.billing.invoice;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An invoice as its owner sees it; amounts in the currency's smallest unit. */
record InvoiceView(
        String id,
        @Nullable String number,
        String status,
        long amountDue,
        long amountPaid,
        String currency,
        @Nullable String hostedInvoiceUrl,
        @Nullable String invoicePdf,
        @Nullable Instant paidAt,
        Instant createdAt) {}
