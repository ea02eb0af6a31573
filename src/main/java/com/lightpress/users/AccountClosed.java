package com.lightpress.users;

import com.lightpress.platform.DomainEvent;
import java.util.UUID;

/** A user closed their account; every module erases or anonymizes its part of their data. */
public record AccountClosed(UUID eventId, UserId userId) implements DomainEvent {

    public static AccountClosed of(UserId userId) {
        return new AccountClosed(UUID.randomUUID(), userId);
    }
}
