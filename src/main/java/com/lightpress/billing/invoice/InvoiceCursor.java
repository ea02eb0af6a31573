package com.lightpress.billing.invoice;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Where a page of invoices ends: the creation time and id of its last invoice, opaque to clients. */
record InvoiceCursor(Instant createdAt, String invoiceId) {

    static String after(InvoiceView last) {
        var value = last.createdAt() + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    static @Nullable InvoiceCursor decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            var value = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            var separator = value.indexOf('|');
            if (separator < 0) {
                throw new InvalidCursor();
            }
            return new InvoiceCursor(Instant.parse(value.substring(0, separator)), value.substring(separator + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidCursor();
        }
    }
}
