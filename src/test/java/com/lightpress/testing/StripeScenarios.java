package com.lightpress.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Billing situations that tests outside billing need, built on the Stripe stub. */
public final class StripeScenarios {

    private StripeScenarios() {}

    /** Records a Stripe customer for the user in billing's table and answers its id. */
    public static String customerOf(JdbcTemplate billingDatabase, String userId) {
        var customer = StripeJson.id("cus");
        billingDatabase.update(
                "INSERT INTO billing.customers (user_id, stripe_customer_id, created_at, version) VALUES (?, ?, ?, 0)",
                UUID.fromString(userId),
                customer,
                Timestamp.from(Instant.now()));
        return customer;
    }

    /**
     * Stripe reports a paid invoice of the customer through a signed webhook to the process that
     * runs billing; answers the invoice number.
     */
    public static String payInvoice(int billingPort, String customer) {
        var invoice = StripeJson.invoice(StripeJson.id("in"), customer, StripeJson.id("sub"), "paid");
        StripeStub.shared().invoice(invoice);
        var delivered =
                new StripeWebhooks(billingPort).deliver(StripeJson.event("invoice.paid", invoice, StripeJson.now()));
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        return (String) invoice.get("number");
    }
}
