package com.lightpress.notifications.inbox;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A notification as its recipient sees it. */
public record NotificationView(
        UUID id,
        String category,
        String title,
        String body,
        Instant createdAt,
        @Nullable Instant readAt) {}
