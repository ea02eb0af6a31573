package com.lightpress.billing.webhook;

import com.lightpress.billing.invoice.InvoiceBook;
import com.lightpress.billing.stripe.StripeCallFailed;
import com.lightpress.billing.subscription.SubscriptionSync;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Applies an accepted Stripe event, in its own transaction through the event registry. It never
 * trusts the event's copy of the object: it reads the object's current state from Stripe, so
 * events arriving late or out of order all end in Stripe's newest state. If anything fails the
 * publication stays incomplete and is retried; Stripe's own redelivery also retries it.
 */
@Component
class StripeEventProcessing {

    private static final Logger LOG = LoggerFactory.getLogger(StripeEventProcessing.class);

    private final WebhookLedger ledger;
    private final SubscriptionSync subscriptions;
    private final InvoiceBook invoices;
    private final Timer lag;
    private final Clock clock;

    StripeEventProcessing(
            WebhookLedger ledger,
            SubscriptionSync subscriptions,
            InvoiceBook invoices,
            MeterRegistry meters,
            Clock clock) {
        this.ledger = ledger;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.lag = Timer.builder("lightpress.billing.webhook.lag")
                .description("Time from Stripe creating an event to billing having applied it")
                .register(meters);
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(StripeEventReceived event) {
        ledger.lockObject(event.subscriptionId() != null ? event.subscriptionId() : event.objectId());
        if (ledger.processed(event.stripeEventId())) {
            return;
        }
        try {
            apply(event);
        } catch (StripeCallFailed e) {
            if (!e.notFound()) {
                throw e;
            }
            LOG.info("Stripe no longer has {} of event {}; nothing to apply", event.objectId(), event.stripeEventId());
        }
        var now = clock.instant();
        ledger.markProcessed(event.stripeEventId(), now);
        if (event.created().isAfter(Instant.EPOCH)) {
            lag.record(Duration.between(event.created(), now));
        }
    }

    private void apply(StripeEventReceived event) {
        switch (event.type()) {
            case "checkout.session.completed" -> {
                if (event.subscriptionId() != null) {
                    subscriptions.sync(event.subscriptionId());
                }
            }
            case "customer.subscription.trial_will_end" -> subscriptions.trialEnding(event.objectId());
            case "invoice.payment_failed" -> invoices.paymentFailed(event.objectId());
            case "invoice.paid", "invoice.finalized" -> invoices.sync(event.objectId());
            default -> subscriptions.sync(event.objectId());
        }
    }
}
