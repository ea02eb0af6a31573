package com.lightpress.billing.invoice;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An invoice as its owner sees it; amounts in the currency's smallest unit. */
record InvoiceView(
        @Schema(example = "in_1QfXk2LkdIwHu7ix8aP1Zx3C") String id,
        @Schema(example = "4F1C2B7E-0003") @Nullable String number,

        @Schema(description = "Stripe's invoice status: draft, open, paid, uncollectible or void", example = "paid")
        String status,

        @Schema(description = "In the currency's smallest unit", example = "1900")
        long amountDue,

        @Schema(description = "In the currency's smallest unit", example = "1900")
        long amountPaid,

        @Schema(example = "usd") String currency,

        @Schema(example = "https://invoice.stripe.com/i/acct_1Q0aBc/test_YWNjdF8xUTBh") @Nullable
        String hostedInvoiceUrl,

        @Schema(example = "https://pay.stripe.com/invoice/acct_1Q0aBc/test_YWNjdF8xUTBh/pdf") @Nullable
        String invoicePdf,

        @Nullable Instant paidAt,
        Instant createdAt) {}
