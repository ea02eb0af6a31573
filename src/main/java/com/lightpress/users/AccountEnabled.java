package com.lightpress.users;

import com.lightpress.platform.DomainEvent;
import java.util.UUID;

/** An admin enabled a disabled account again. */
public record AccountEnabled(UUID eventId, UserId userId) implements DomainEvent {

    public static AccountEnabled of(UserId userId) {
        return new AccountEnabled(UUID.randomUUID(), userId);
    }
}
