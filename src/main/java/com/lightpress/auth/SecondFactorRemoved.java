package com.lightpress.auth;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * An account lost a second factor (an authenticator app or a passkey).
 *
 * @param factor what was removed: {@code authenticator-app} or {@code passkey}
 */
public record SecondFactorRemoved(UUID eventId, UserId userId, String factor, Instant removedAt)
        implements DomainEvent {

    public static SecondFactorRemoved of(UserId userId, String factor, Instant removedAt) {
        return new SecondFactorRemoved(UUID.randomUUID(), userId, factor, removedAt);
    }
}
