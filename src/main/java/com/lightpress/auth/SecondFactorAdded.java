package com.lightpress.auth;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * An account gained a second factor (an authenticator app or a passkey); from now on its password
 * logins ask for one.
 *
 * @param factor what was added: {@code authenticator-app} or {@code passkey}
 */
public record SecondFactorAdded(UUID eventId, UserId userId, String factor, Instant addedAt) implements DomainEvent {

    public static SecondFactorAdded of(UserId userId, String factor, Instant addedAt) {
        return new SecondFactorAdded(UUID.randomUUID(), userId, factor, addedAt);
    }
}
