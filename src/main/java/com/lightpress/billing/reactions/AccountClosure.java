package com.lightpress.billing.reactions;

import com.lightpress.billing.customer.Customers;
import com.lightpress.billing.invoice.InvoiceBook;
import com.lightpress.billing.stripe.StripeConnection;
import com.lightpress.billing.stripe.StripeSessions;
import com.lightpress.billing.stripe.StripeSubscription;
import com.lightpress.billing.stripe.StripeSubscriptions;
import com.lightpress.billing.subscription.SubscriptionEnd;
import com.lightpress.billing.subscription.Subscriptions;
import com.lightpress.users.AccountClosed;
import com.lightpress.users.UserId;
import java.util.LinkedHashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Billing's part of closing an account. Stripe is asked, not the mirror, which subscriptions the
 * customer has: one paid a moment ago may not be mirrored yet, and it must not keep charging. All
 * of them end at once, open Checkout Sessions are expired so none can be paid later, the Stripe
 * customer loses its name, email and address, and only then is the mapping to the user deleted.
 * Invoices stay as the legal record, without personal fields. Every step can be repeated, so a
 * Stripe failure simply leaves the event to be retried with backoff.
 */
@Component
class AccountClosure {

    private static final Logger LOG = LoggerFactory.getLogger(AccountClosure.class);

    private final Subscriptions subscriptions;
    private final SubscriptionEnd end;
    private final InvoiceBook invoices;
    private final Customers customers;
    private final StripeSubscriptions stripeSubscriptions;
    private final StripeSessions sessions;
    private final StripeConnection stripe;

    AccountClosure(
            Subscriptions subscriptions,
            SubscriptionEnd end,
            InvoiceBook invoices,
            Customers customers,
            StripeSubscriptions stripeSubscriptions,
            StripeSessions sessions,
            StripeConnection stripe) {
        this.subscriptions = subscriptions;
        this.end = end;
        this.invoices = invoices;
        this.customers = customers;
        this.stripeSubscriptions = stripeSubscriptions;
        this.sessions = sessions;
        this.stripe = stripe;
    }

    @ApplicationModuleListener
    void on(AccountClosed event) {
        var user = event.userId();
        if (stripe.configured()) {
            closeInStripe(user);
        } else if (!subscriptions.liveIds(user).isEmpty()
                || customers.customerOf(user).isPresent()) {
            LOG.warn("Account {} closed with a Stripe customer, but Stripe is not configured here", user);
        }
        invoices.anonymize(user);
        customers.forget(user);
    }

    private void closeInStripe(UserId user) {
        var live = new LinkedHashSet<>(subscriptions.liveIds(user));
        var customer = customers.customerOf(user);
        customer.ifPresent(id -> stripeSubscriptions.liveOf(id).stream()
                .map(StripeSubscription::id)
                .forEach(live::add));
        live.forEach(end::endNow);
        customer.ifPresent(id -> {
            sessions.openCheckouts(id).forEach(session -> sessions.expire(session.id()));
            sessions.redactCustomer(id);
            LOG.info(
                    "Account {} closed: ended {} subscriptions and redacted Stripe customer {}", user, live.size(), id);
        });
    }
}
