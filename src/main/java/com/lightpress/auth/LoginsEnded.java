package com.lightpress.auth;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.util.UUID;

/**
 * Every login of a user ended at once (a new password, a disabled or closed account, an admin's
 * request): nothing opened with one of their tokens should stay open.
 */
public record LoginsEnded(UUID eventId, UserId userId) implements DomainEvent {

    public static LoginsEnded of(UserId userId) {
        return new LoginsEnded(UUID.randomUUID(), userId);
    }
}
