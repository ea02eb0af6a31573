package com.lightpress.billing.web;

import com.lightpress.billing.subscription.Checkout;
import com.lightpress.platform.ApiProblems;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
    @Operation(
            summary = "Start a checkout",
            description =
                    "A Stripe Checkout page for the plan to send the browser to. Send an Idempotency-Key to get the same session when retrying; 409 when already subscribed. 502 when Stripe fails.")
    @ApiProblems({409, 502})
    @PostMapping("/api/billing/checkout")
    RedirectUrl checkout(
            AuthenticatedUser user,
            @Valid @RequestBody PlanRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        return new RedirectUrl(checkout.checkout(new UserId(user.id()), request.plan(), key));
    }

    @Operation(
            summary = "Open the billing portal",
            description = "A Stripe customer-portal page to send the browser to. 502 when Stripe fails.")
    @ApiProblems({502})
    @PostMapping("/api/billing/portal")
    RedirectUrl portal(AuthenticatedUser user) {
        return new RedirectUrl(checkout.portal(new UserId(user.id())));
    }

    /** A Stripe page to send the user's browser to. */
    record RedirectUrl(
            @Schema(example = "https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6")
            String url) {}
}
