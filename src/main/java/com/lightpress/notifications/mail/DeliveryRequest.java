package com.lightpress.notifications.mail;

import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An email one event asks to send to one user. Event, template and recipient identify it: the
 * same three never make a second delivery.
 *
 * @param notBefore when quiet hours hold it back, the earliest time it may go out
 */
public record DeliveryRequest(
        UUID eventId,
        String template,
        UserId recipient,
        String category,
        OutgoingEmail email,
        @Nullable Instant notBefore) {}
