package com.lightpress.auth;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * A recovery code stood in for the second factor at a login; it cannot be used again.
 *
 * @param remaining how many unused recovery codes the account has left
 */
public record RecoveryCodeUsed(UUID eventId, UserId userId, int remaining, Instant usedAt) implements DomainEvent {

    public static RecoveryCodeUsed of(UserId userId, int remaining, Instant usedAt) {
        return new RecoveryCodeUsed(UUID.randomUUID(), userId, remaining, usedAt);
    }
}
