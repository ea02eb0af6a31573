package com.lightpress.billing.web;

import com.lightpress.billing.webhook.WebhookIntake;
import com.lightpress.billing.webhook.WebhookIntake.Receipt;
import com.lightpress.platform.ApiExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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
    @ApiExample(
            request =
                    "{\"id\": \"evt_1QfXk2LkdIwHu7ix\", \"object\": \"event\", \"api_version\": \"2026-07-29.dahlia\","
                            + " \"created\": 1764495660, \"type\": \"invoice.paid\", \"data\": {\"object\": {\"id\":"
                            + " \"in_1QfXk2LkdIwHu7ix\", \"object\": \"invoice\", \"customer\": \"cus_R8xk2LkdIwHu7i\"}}}")
    @PostMapping("/api/billing/stripe/webhook")
    WebhookAnswer receive(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = "A Stripe event object, byte for byte as Stripe sent it.",
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema =
                                                    @Schema(
                                                            type = "object",
                                                            description =
                                                                    "Stripe's Event: id, type, created, data.object and the rest of Stripe's fields.")))
                    @RequestBody
                    byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        return new WebhookAnswer(intake.receive(body, signature));
    }

    record WebhookAnswer(Receipt receipt) {}
}
