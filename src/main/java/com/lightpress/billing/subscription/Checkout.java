package com.lightpress.billing.subscription;

import com.lightpress.billing.catalog.PlanCatalog;
import com.lightpress.billing.customer.Customers;
import com.lightpress.billing.stripe.StripeConnection;
import com.lightpress.billing.stripe.StripeSessions;
import com.lightpress.billing.stripe.StripeSessions.CheckoutRequest;
import com.lightpress.users.UserId;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

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
    private final Clock clock;

    Checkout(
            PlanCatalog catalog,
            Subscriptions subscriptions,
            Customers customers,
            StripeSessions stripe,
            StripeConnection connection,
            BillingLinks links,
            Clock clock) {
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.stripe = stripe;
        this.connection = connection;
        this.links = links;
        this.clock = clock;
    }

    /** Answers the URL of a new Checkout Session for the plan. */
    public String checkout(UserId user, String planCode, @Nullable String clientKey) {
        connection.requireConfigured();
        var plan = catalog.paidPlan(planCode).orElseThrow(() -> new UnknownPlan(planCode));
        if (subscriptions.liveOf(user).isPresent()) {
            throw new AlreadySubscribed();
        }
        var customer = customers.customerFor(user);
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

    /** Answers the URL of a Customer Portal session. */
    public String portal(UserId user) {
        connection.requireConfigured();
        var customer = customers.customerFor(user);
        var url = stripe.createPortal(customer.stripeCustomerId(), links.portalReturn());
        customers.record(customer);
        return url;
    }
}
