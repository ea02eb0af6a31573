package com.lightpress.users;

import com.lightpress.platform.DomainEvent;
import java.util.UUID;

/** A user changed their profile or settings. */
public record ProfileUpdated(UUID eventId, UserId userId) implements DomainEvent {

    public static ProfileUpdated of(UserId userId) {
        return new ProfileUpdated(UUID.randomUUID(), userId);
    }
}
