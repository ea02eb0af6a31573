package com.lightpress.notifications.inbox;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A notification as its recipient sees it.
 *
 * @param link a route of the web client to open for it, such as {@code #/billing}
 */
public record NotificationView(
        UUID id,
        @Schema(example = "billing") String category,
        @Schema(example = "Payment received") String title,

        @Schema(example = "We received your payment of $19.00 for Pro. Thank you!")
        String body,

        @Schema(example = "/app/#/billing") @Nullable String link,
        Instant createdAt,
        @Nullable Instant readAt) {}
