package com.lightpress.billing.invoice;

import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface InvoiceRepository extends ListCrudRepository<Invoice, String> {

    List<Invoice> findByUserId(UserId userId);

    @Query("""
            SELECT * FROM billing.invoices WHERE user_id = :user
            ORDER BY stripe_created_at DESC, stripe_invoice_id DESC LIMIT :limit""")
    List<Invoice> firstPage(UUID user, int limit);

    @Query("""
            SELECT * FROM billing.invoices
            WHERE user_id = :user AND (stripe_created_at, stripe_invoice_id) < (:createdAt, :invoiceId)
            ORDER BY stripe_created_at DESC, stripe_invoice_id DESC LIMIT :limit""")
    List<Invoice> pageAfter(UUID user, Instant createdAt, String invoiceId, int limit);
}
