package com.lightpress.notifications.mail;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A delivery as admins and the data export see it; never with its body. */
public record DeliveryView(
        UUID id,
        UUID eventId,
        String template,
        UUID userId,
        String recipient,
        String category,
        String subject,
        DeliveryStatus status,
        int attempts,
        @Nullable String lastError,
        @Nullable Instant notBefore,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant sentAt) {}
