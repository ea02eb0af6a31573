package com.lightpress.notifications.web;

import com.lightpress.notifications.mail.Deliveries;
import com.lightpress.notifications.mail.DeliveryStatus;
import com.lightpress.notifications.mail.DeliveryView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Email deliveries for admins: by status, above all those given up on, and replaying those. */
@RestController
class DeliveryAdminController {

    private final Deliveries deliveries;

    DeliveryAdminController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** The most recently changed deliveries of a status ({@code failed}, {@code waiting}, ...). */
    @Operation(
            summary = "List email deliveries",
            description = "Email deliveries in a status (failed by default), newest first.")
    @GetMapping("/api/admin/notifications/deliveries")
    List<DeliveryView> list(
            @RequestParam(defaultValue = "failed") String status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return deliveries.withStatus(parse(status), limit);
    }

    @Operation(summary = "Read an email delivery", description = "One delivery with its attempts and last error.")
    @GetMapping("/api/admin/notifications/deliveries/{id}")
    DeliveryView show(@PathVariable UUID id) {
        return deliveries.find(id).orElseThrow(DeliveryAdminController::notFound);
    }

    /**
     * Sends a failed email again, with a new retry window. Replaying one that is not failed (sent
     * already, or replayed and on its way) answers it unchanged, so a double click sends one email.
     */
    @Operation(summary = "Send an email delivery again", description = "Queues a failed delivery to be sent again.")
    @PostMapping("/api/admin/notifications/deliveries/{id}/replay")
    DeliveryView replay(@PathVariable UUID id) {
        return deliveries.replay(id).orElseThrow(DeliveryAdminController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such delivery.");
    }

    private static DeliveryStatus parse(String status) {
        try {
            return DeliveryStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnknownDeliveryStatus();
        }
    }

    /** A status filter that names no status. */
    static class UnknownDeliveryStatus extends RuntimeException {

        UnknownDeliveryStatus() {
            super("must be one of pending, waiting, sending, sent, failed");
        }
    }
}
