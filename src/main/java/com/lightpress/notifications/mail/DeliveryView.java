package com.lightpress.notifications.mail;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A delivery as admins and the data export see it; never with its body. */
public record DeliveryView(
        UUID id,
        UUID eventId,
        @Schema(example = "welcome") String template,
        UUID userId,
        @Schema(example = "ada@example.com") String recipient,
        @Schema(example = "account") String category,

        @Schema(example = "Welcome to Lightpress, Ada Lovelace")
        String subject,

        DeliveryStatus status,
        @Schema(example = "3") int attempts,

        @Schema(example = "550 5.1.1 Mailbox unavailable") @Nullable
        String lastError,

        @Nullable Instant notBefore,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant sentAt) {}
