package com.lightpress.auth;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.util.UUID;

/** Someone tried to sign up with an address that already has an account; its owner is told. */
public record SignUpAttemptedOnExistingAccount(UUID eventId, UserId userId) implements DomainEvent {

    public static SignUpAttemptedOnExistingAccount of(UserId userId) {
        return new SignUpAttemptedOnExistingAccount(UUID.randomUUID(), userId);
    }
}
