package com.lightpress.billing.web;

import com.lightpress.billing.webhook.WebhookIntake;
import com.lightpress.billing.webhook.WebhookIntake.Receipt;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook endpoint. The body is taken as raw bytes: the signature covers them exactly,
 * and parsing before verifying could change them.
 */
@RestController
class WebhookController {

    private final WebhookIntake intake;

    WebhookController(WebhookIntake intake) {
        this.intake = intake;
    }

    @Operation(
            summary = "Receive a Stripe event",
            description =
                    "Stripe's webhook: the body must be signed with the endpoint's secret (Stripe-Signature). Each event is processed once, however often Stripe sends it.")
    @PostMapping("/api/billing/stripe/webhook")
    WebhookAnswer receive(
            @RequestBody byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        return new WebhookAnswer(intake.receive(body, signature));
    }

    record WebhookAnswer(Receipt receipt) {}
}
