package com.lightpress.billing.web;

import com.lightpress.billing.subscription.Checkout;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.UserId;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Where a user goes to pay: Stripe Checkout to subscribe, the Customer Portal to manage billing. */
@RestController
class CheckoutController {

    private final Checkout checkout;

    CheckoutController(Checkout checkout) {
        this.checkout = checkout;
    }

    /**
     * A client that sends the same {@code Idempotency-Key} when it retries gets the same session;
     * without one, retries within the same minute do. The key is hashed, so its length does not
     * matter (and a constraint here would turn the body's field errors into method errors).
     */
    @PostMapping("/api/billing/checkout")
    RedirectUrl checkout(
            AuthenticatedUser user,
            @Valid @RequestBody PlanRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        return new RedirectUrl(checkout.checkout(new UserId(user.id()), request.plan(), key));
    }

    @PostMapping("/api/billing/portal")
    RedirectUrl portal(AuthenticatedUser user) {
        return new RedirectUrl(checkout.portal(new UserId(user.id())));
    }

    /** A Stripe page to send the user's browser to. */
    record RedirectUrl(String url) {}
}
