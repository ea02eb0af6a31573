package com.lightpress.notifications.inbox;

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
        String category,
        String title,
        String body,
        @Nullable String link,
        Instant createdAt,
        @Nullable Instant readAt) {}
