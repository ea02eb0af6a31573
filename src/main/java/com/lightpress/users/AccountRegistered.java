package com.lightpress.users;

import com.lightpress.platform.DomainEvent;
import java.util.UUID;

/** An account was created for a user who signed up. */
public record AccountRegistered(UUID eventId, UserId userId) implements DomainEvent {

    public static AccountRegistered of(UserId userId) {
        return new AccountRegistered(UUID.randomUUID(), userId);
    }
}
