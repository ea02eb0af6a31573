package com.lightpress.notifications.inbox;

import com.lightpress.users.UserId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A notification to put into a user's inbox, already in their language.
 *
 * @param eventId the event it answers; with the template it makes the notification unique
 * @param link a route of the web client ({@code #/billing}) the notification leads to
 */
public record NewNotification(
        UUID eventId,
        String template,
        UserId recipient,
        String category,
        String title,
        String body,
        @Nullable String link) {}
