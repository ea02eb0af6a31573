package com.lightpress.users;

import com.lightpress.platform.DomainEvent;
import java.util.UUID;

/** An admin disabled an account: it may not log in until enabled again. */
public record AccountDisabled(UUID eventId, UserId userId) implements DomainEvent {

    public static AccountDisabled of(UserId userId) {
        return new AccountDisabled(UUID.randomUUID(), userId);
    }
}
