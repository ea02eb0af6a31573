package com.lightpress.auth;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;

/** Someone asked to reset the password of an account; its owner gets the token by email. */
public record PasswordResetRequested(UUID eventId, UserId userId, String resetToken, Instant tokenExpiresAt)
        implements DomainEvent {

    public static PasswordResetRequested of(UserId userId, String resetToken, Instant tokenExpiresAt) {
        return new PasswordResetRequested(UUID.randomUUID(), userId, resetToken, tokenExpiresAt);
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "PasswordResetRequested[eventId=%s, userId=%s, resetToken=***]".formatted(eventId, userId);
    }
}
