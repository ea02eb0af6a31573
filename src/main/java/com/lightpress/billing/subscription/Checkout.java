package com.lightpress.billing.subscription;

import com.lightpress.billing.catalog.PlanCatalog;
import com.lightpress.billing.customer.Customers;
import com.lightpress.billing.stripe.StripeConnection;
import com.lightpress.billing.stripe.StripeSessions;
import com.lightpress.billing.stripe.StripeSessions.CheckoutRequest;
import com.lightpress.billing.stripe.StripeSubscriptions;
import com.lightpress.users.UserId;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends users to Stripe: Checkout to subscribe, the Customer Portal to manage payment methods and
 * invoices. Nothing is recorded locally until Stripe has answered, so a Stripe failure leaves no
 * trace; the subscription itself arrives through the webhook.
 */
@Service
public class Checkout {

    private final PlanCatalog catalog;
    private final Subscriptions subscriptions;
    private final Customers customers;
    private final StripeSessions stripe;
    private final StripeConnection connection;
    private final BillingLinks links;
    private final StripeSubscriptions stripeSubscriptions;
    private final CheckoutLock lock;
    private final Clock clock;

    Checkout(
            PlanCatalog catalog,
            Subscriptions subscriptions,
            Customers customers,
            StripeSessions stripe,
            StripeConnection connection,
            BillingLinks links,
            StripeSubscriptions stripeSubscriptions,
            CheckoutLock lock,
            Clock clock) {
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.stripe = stripe;
        this.connection = connection;
        this.links = links;
        this.stripeSubscriptions = stripeSubscriptions;
        this.lock = lock;
        this.clock = clock;
    }

    /**
     * Answers the URL of a Checkout Session for the plan: the one still open for it, if there is
     * one, else a new one (after expiring open sessions for other plans, so at most one can be
     * paid). Refused when the mirror or Stripe itself knows a live subscription of the user.
     * Checkouts of one user run one at a time, on every instance, so two in a row cannot both
     * open a session.
     */
    @Transactional
    public String checkout(UserId user, String planCode, @Nullable String clientKey) {
        connection.requireConfigured();
        var plan = catalog.paidPlan(planCode).orElseThrow(() -> new UnknownPlan(planCode));
        lock.lock(user);
        if (subscriptions.liveOf(user).isPresent()) {
            throw new AlreadySubscribed();
        }
        var customer = customers.customerFor(user);
        if (customer.recorded()) {
            var reused = reuseOpenSession(customer.stripeCustomerId(), plan.code());
            if (reused != null) {
                return reused;
            }
        }
        var request = new CheckoutRequest(
                user,
                customer.stripeCustomerId(),
                plan.code(),
                plan.priceId(),
                plan.trialDays(),
                links.checkoutSuccess(),
                links.checkoutCancel());
        var url =
                stripe.createCheckout(request, IdempotencyKeys.checkout(user, plan.code(), clientKey, clock.instant()));
        customers.record(customer);
        return url;
    }

    /** The URL of an open session for the plan; open sessions for other plans are expired. */
    private @Nullable String reuseOpenSession(String customerId, String plan) {
        if (!stripeSubscriptions.liveOf(customerId).isEmpty()) {
            throw new AlreadySubscribed();
        }
        String reused = null;
        for (var open : stripe.openCheckouts(customerId)) {
            if (reused == null && plan.equals(open.plan()) && open.url() != null) {
                reused = open.url();
            } else {
                stripe.expire(open.id());
            }
        }
        return reused;
    }

    /** Answers the URL of a Customer Portal session. */
    public String portal(UserId user) {
        connection.requireConfigured();
        var customer = customers.customerFor(user);
        var url = stripe.createPortal(customer.stripeCustomerId(), links.portalReturn());
        customers.record(customer);
        return url;
    }
}
