package com.lightpress.auth;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * An account lost a second factor; logins no longer ask for it.
 *
 * @param factor what was removed: {@code authenticator-app}
 */
public record SecondFactorRemoved(UUID eventId, UserId userId, String factor, Instant removedAt)
        implements DomainEvent {

    public static SecondFactorRemoved of(UserId userId, String factor, Instant removedAt) {
        return new SecondFactorRemoved(UUID.randomUUID(), userId, factor, removedAt);
    }
}
