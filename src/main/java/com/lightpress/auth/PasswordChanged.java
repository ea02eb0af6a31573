package com.lightpress.auth;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;

/** The password of an account changed; every session of the account was signed out. */
public record PasswordChanged(UUID eventId, UserId userId, Instant changedAt) implements DomainEvent {

    public static PasswordChanged of(UserId userId, Instant changedAt) {
        return new PasswordChanged(UUID.randomUUID(), userId, changedAt);
    }
}
