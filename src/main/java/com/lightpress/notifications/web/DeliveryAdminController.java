package com.lightpress.notifications.web;

import com.lightpress.notifications.mail.Deliveries;
import com.lightpress.notifications.mail.DeliveryStatus;
import com.lightpress.notifications.mail.DeliveryView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Email deliveries by status for admins, above all those that failed for good. */
@RestController
class DeliveryAdminController {

    private final Deliveries deliveries;

    DeliveryAdminController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** The most recently changed deliveries of a status ({@code failed}, {@code waiting}, ...). */
    @GetMapping("/api/admin/notifications/deliveries")
    List<DeliveryView> list(
            @RequestParam(defaultValue = "failed") String status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return deliveries.withStatus(parse(status), limit);
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
