package com.lightpress.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.billing.webhook.StripeEventReceived;
import com.lightpress.testing.EmbeddedServersInitializer;
import com.lightpress.testing.StripeJson;
import com.lightpress.testing.StripeStub;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Billing alone (with platform): an accepted Stripe invoice event becomes billing's own event for
 * other modules. Stripe is the shared stub; users' API is mocked.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@ContextConfiguration(initializers = EmbeddedServersInitializer.class)
@TestPropertySource(
        properties = {
            StripeStub.API_KEY_PROPERTY,
            StripeStub.WEBHOOK_SECRET_PROPERTY,
            StripeStub.CONNECTION_TIMEOUT_PROPERTY
        })
class BillingEventsTests {

    @MockitoBean
    UserAccounts users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void failedPaymentPublishesPaymentFailedWithAttemptAndNextRetry(Scenario scenario) {
        var user = new UserId(UUID.randomUUID());
        var invoice = invoiceOf(user, "open");
        invoice.put("attempt_count", 2);
        invoice.put("amount_paid", 0);
        StripeStub.shared().invoice(invoice);

        scenario.publish(received("invoice.payment_failed", invoice))
                .andWaitForEventOfType(PaymentFailed.class)
                .matching(event -> event.invoiceId().equals(invoice.get("id")))
                .toArriveAndVerify(event -> {
                    assertThat(event.userId()).isEqualTo(user);
                    assertThat(event.attemptCount()).isEqualTo(2);
                    assertThat(event.amountDue()).isEqualTo(1500);
                    assertThat(event.currency()).isEqualTo("eur");
                    assertThat(event.nextAttemptAt())
                            .isEqualTo(
                                    Instant.ofEpochSecond(((Number) invoice.get("next_payment_attempt")).longValue()));
                    assertThat(event.hostedInvoiceUrl()).endsWith((String) invoice.get("id"));
                });
    }

    @Test
    void paidInvoicePublishesInvoicePaid(Scenario scenario) {
        var user = new UserId(UUID.randomUUID());
        var invoice = invoiceOf(user, "paid");
        StripeStub.shared().invoice(invoice);

        scenario.publish(received("invoice.paid", invoice))
                .andWaitForEventOfType(InvoicePaid.class)
                .matching(event -> event.invoiceId().equals(invoice.get("id")))
                .toArriveAndVerify(event -> {
                    assertThat(event.userId()).isEqualTo(user);
                    assertThat(event.number()).isEqualTo(invoice.get("number"));
                    assertThat(event.amountPaid()).isEqualTo(1500);
                    assertThat(event.paidAt()).isNotNull();
                });
    }

    private java.util.Map<String, Object> invoiceOf(UserId user, String status) {
        var customer = StripeJson.id("cus");
        jdbc.update(
                "INSERT INTO billing.customers (user_id, stripe_customer_id, created_at, version) VALUES (?, ?, ?, 0)",
                user.value(),
                customer,
                Timestamp.from(Instant.now()));
        return StripeJson.invoice(StripeJson.id("in"), customer, StripeJson.id("sub"), status);
    }

    private static StripeEventReceived received(String type, java.util.Map<String, Object> invoice) {
        return new StripeEventReceived(StripeJson.id("evt"), type, (String) invoice.get("id"), null, Instant.now());
    }
}
