package com.lightpress.auth;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;

/** The owner of an unverified account asked for a new verification email. */
public record EmailVerificationRequested(UUID eventId, UserId userId, String verificationToken, Instant tokenExpiresAt)
        implements DomainEvent {

    public static EmailVerificationRequested of(UserId userId, String verificationToken, Instant tokenExpiresAt) {
        return new EmailVerificationRequested(UUID.randomUUID(), userId, verificationToken, tokenExpiresAt);
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "EmailVerificationRequested[eventId=%s, userId=%s, verificationToken=***]".formatted(eventId, userId);
    }
}
