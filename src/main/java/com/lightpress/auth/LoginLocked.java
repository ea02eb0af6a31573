package com.lightpress.auth;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;

/** Too many wrong passwords in a row locked an account for a while. */
public record LoginLocked(UUID eventId, UserId userId, Instant lockedUntil) implements DomainEvent {

    public static LoginLocked of(UserId userId, Instant lockedUntil) {
        return new LoginLocked(UUID.randomUUID(), userId, lockedUntil);
    }
}
