package com.lightpress.billing.invoice;

import com.lightpress.billing.customer.Customers;
import com.lightpress.billing.stripe.StripeInvoices;
import com.lightpress.platform.PageCursor;
import com.lightpress.users.UserId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoice mirror: brought up to Stripe's current state on each invoice webhook (loaded before
 * Stripe is read, so a concurrent newer write wins through the version check), read page by page,
 * and stripped of personal fields when an account closes.
 */
@Service
public class InvoiceBook {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceBook.class);

    private final InvoiceRepository invoices;
    private final StripeInvoices stripe;
    private final Customers customers;
    private final Clock clock;

    InvoiceBook(InvoiceRepository invoices, StripeInvoices stripe, Customers customers, Clock clock) {
        this.invoices = invoices;
        this.stripe = stripe;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional
    public void sync(String invoiceId) {
        apply(invoiceId, invoice -> {});
    }

    /** Mirrors the invoice and announces the failed attempt, unless Stripe says it is paid by now. */
    @Transactional
    public void paymentFailed(String invoiceId) {
        apply(invoiceId, Invoice::paymentFailed);
    }

    @Transactional(readOnly = true)
    public InvoicePage page(UserId user, int limit, @Nullable String cursor) {
        var position = cursor == null || cursor.isBlank() ? null : PageCursor.parse(cursor, 2);
        var rows = position == null
                ? invoices.firstPage(user.value(), limit + 1)
                : invoices.pageAfter(user.value(), position.instant(0), position.text(1), limit + 1);
        var items = rows.stream().limit(limit).map(Invoice::toView).toList();
        var last = items.isEmpty() ? null : items.get(items.size() - 1);
        var next = rows.size() > limit && last != null ? PageCursor.of(last.createdAt(), last.id()) : null;
        return new InvoicePage(items, next);
    }

    @Transactional(readOnly = true)
    public List<InvoiceView> all(UserId user) {
        return invoices.findByUserId(user).stream().map(Invoice::toView).toList();
    }

    @Transactional
    public void anonymize(UserId user) {
        var now = clock.instant();
        invoices.findByUserId(user).forEach(invoice -> {
            invoice.anonymize(now);
            invoices.save(invoice);
        });
    }

    private void apply(String invoiceId, Consumer<Invoice> afterwards) {
        var local = invoices.findById(invoiceId);
        var remote = stripe.retrieve(invoiceId);
        var invoice = local.map(it -> {
            it.sync(remote);
            return it;
        });
        if (invoice.isEmpty()) {
            invoice = customers.userOf(remote.customerId()).map(user -> Invoice.mirror(user, remote));
        }
        invoice.ifPresentOrElse(
                it -> {
                    afterwards.accept(it);
                    invoices.save(it);
                },
                () -> LOG.info(
                        "Invoice {} of customer {} belongs to no Lightpress user", invoiceId, remote.customerId()));
    }

    /** One page of a user's invoices, newest first, and the cursor of the next page if any. */
    public record InvoicePage(
            List<InvoiceView> items,

            @Schema(example = "MXwyMDI2LTExLTMwVDA5OjQxOjAwWnw2ZjFjMmI3ZS0zZDRhLTRmNWItOWM4ZC0wZTFmMmEzYjRjNWQ")
            @Nullable
            String nextCursor) {}
}
