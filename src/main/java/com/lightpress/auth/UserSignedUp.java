package com.lightpress.auth;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;

/** A new account was created; its owner must verify the email address with the token. */
public record UserSignedUp(UUID eventId, UserId userId, String verificationToken, Instant tokenExpiresAt)
        implements DomainEvent {

    public static UserSignedUp of(UserId userId, String verificationToken, Instant tokenExpiresAt) {
        return new UserSignedUp(UUID.randomUUID(), userId, verificationToken, tokenExpiresAt);
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "UserSignedUp[eventId=%s, userId=%s, verificationToken=***]".formatted(eventId, userId);
    }
}
