package com.lightpress.billing.privacy;

import com.lightpress.billing.invoice.InvoiceBook;
import com.lightpress.billing.stripe.StripeConnection;
import com.lightpress.billing.subscription.SubscriptionEnd;
import com.lightpress.billing.subscription.Subscriptions;
import com.lightpress.users.AccountClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Billing's part of closing an account: the subscription ends at once in Stripe (the user will
 * not be charged again), and the invoices stay as the legal record, without personal fields. A
 * Stripe failure leaves the event to be retried.
 */
@Component
class AccountClosure {

    private static final Logger LOG = LoggerFactory.getLogger(AccountClosure.class);

    private final Subscriptions subscriptions;
    private final SubscriptionEnd end;
    private final InvoiceBook invoices;
    private final StripeConnection stripe;

    AccountClosure(Subscriptions subscriptions, SubscriptionEnd end, InvoiceBook invoices, StripeConnection stripe) {
        this.subscriptions = subscriptions;
        this.end = end;
        this.invoices = invoices;
        this.stripe = stripe;
    }

    @ApplicationModuleListener
    void on(AccountClosed event) {
        var live = subscriptions.liveIds(event.userId());
        if (stripe.configured()) {
            live.forEach(end::endNow);
        } else if (!live.isEmpty()) {
            LOG.warn(
                    "Account {} closed with live subscriptions {}, but Stripe is not configured", event.userId(), live);
        }
        invoices.anonymize(event.userId());
    }
}
