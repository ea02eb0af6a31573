package com.lightpress.billing.stripe;

import com.lightpress.users.UserId;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionListParams;
import com.stripe.param.common.EmptyParam;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Creating things in Stripe: customers, Checkout Sessions and Customer Portal sessions. */
@Component
public class StripeSessions {

    private final StripeConnection stripe;

    StripeSessions(StripeConnection stripe) {
        this.stripe = stripe;
    }

    /**
     * Creates the customer for a user, carrying the user id in its metadata. The idempotency key
     * is the user's, so a retry after a lost answer gets the same customer back.
     */
    public String createCustomer(UserId user, @Nullable String email, @Nullable String name) {
        var params = CustomerCreateParams.builder()
                .setEmail(email)
                .setName(name)
                .putMetadata("user_id", user.toString())
                .build();
        var options = StripeConnection.idempotent("lightpress-customer-" + user);
        return stripe.call("create customer", client -> client.v1().customers().create(params, options))
                .getId();
    }

    /** Creates a subscription Checkout Session and answers its URL. */
    public String createCheckout(CheckoutRequest request, String idempotencyKey) {
        var subscription = SessionCreateParams.SubscriptionData.builder()
                .putMetadata("user_id", request.user().toString())
                .putMetadata("plan", request.plan());
        if (request.trialDays() > 0) {
            subscription.setTrialPeriodDays((long) request.trialDays());
        }
        var params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .putMetadata("user_id", request.user().toString())
                .putMetadata("plan", request.plan())
                .setCustomer(request.customerId())
                .setClientReferenceId(request.user().toString())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(request.priceId())
                        .setQuantity(1L)
                        .build())
                .setSubscriptionData(subscription.build())
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl())
                .build();
        var options = StripeConnection.idempotent(idempotencyKey);
        return stripe.call(
                        "create checkout session",
                        client -> client.v1().checkout().sessions().create(params, options))
                .getUrl();
    }

    /** The customer's Checkout Sessions that can still be paid. */
    public List<OpenCheckout> openCheckouts(String customerId) {
        var params = SessionListParams.builder()
                .setCustomer(customerId)
                .setStatus(SessionListParams.Status.OPEN)
                .setLimit(100L)
                .build();
        return stripe.call("list open checkout sessions", client -> {
            var result = new ArrayList<OpenCheckout>();
            for (var session : client.v1().checkout().sessions().list(params).autoPagingIterable()) {
                var metadata = session.getMetadata();
                result.add(new OpenCheckout(
                        session.getId(), metadata == null ? null : metadata.get("plan"), session.getUrl()));
            }
            return result;
        });
    }

    /** Ends a Checkout Session so it can no longer be paid; one that ended already stays so. */
    public void expire(String sessionId) {
        stripe.call(
                "expire checkout session",
                client -> client.v1().checkout().sessions().expire(sessionId));
    }

    /**
     * Removes the personal data Lightpress gave Stripe about the customer: name, email, phone,
     * address and shipping address. The customer's payments stay with Stripe as its records.
     */
    public void redactCustomer(String customerId) {
        var params = CustomerUpdateParams.builder()
                .setName(EmptyParam.EMPTY)
                .setEmail(EmptyParam.EMPTY)
                .setPhone(EmptyParam.EMPTY)
                .setDescription(EmptyParam.EMPTY)
                .setAddress(EmptyParam.EMPTY)
                .setShipping(EmptyParam.EMPTY)
                .build();
        stripe.call("redact customer", client -> client.v1().customers().update(customerId, params));
    }

    /** Creates a Customer Portal session and answers its URL. */
    public String createPortal(String customerId, String returnUrl) {
        var params = com.stripe.param.billingportal.SessionCreateParams.builder()
                .setCustomer(customerId)
                .setReturnUrl(returnUrl)
                .build();
        return stripe.call(
                        "create portal session",
                        client -> client.v1().billingPortal().sessions().create(params))
                .getUrl();
    }

    /** A Checkout Session that can still be paid, and the plan Lightpress opened it for. */
    public record OpenCheckout(
            String id, @Nullable String plan, @Nullable String url) {}

    /** What a Checkout Session is created for. */
    public record CheckoutRequest(
            UserId user,
            String customerId,
            String plan,
            String priceId,
            int trialDays,
            String successUrl,
            String cancelUrl) {}
}
