package com.lightpress.auth;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.util.UUID;

/** The owner of an account proved they receive mail at its address. */
public record EmailVerified(UUID eventId, UserId userId) implements DomainEvent {

    public static EmailVerified of(UserId userId) {
        return new EmailVerified(UUID.randomUUID(), userId);
    }
}
