package com.lightpress.auth;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;

/** A refresh token was used again after it had been replaced, so the login it belongs to was revoked. */
public record RefreshTokenReused(UUID eventId, UserId userId, Instant detectedAt) implements DomainEvent {

    public static RefreshTokenReused of(UserId userId, Instant detectedAt) {
        return new RefreshTokenReused(UUID.randomUUID(), userId, detectedAt);
    }
}
