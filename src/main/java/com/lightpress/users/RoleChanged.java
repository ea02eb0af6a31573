package com.lightpress.users;

import com.lightpress.platform.DomainEvent;
import java.util.Set;
import java.util.UUID;

/** An admin changed the roles of an account. */
public record RoleChanged(UUID eventId, UserId userId, Set<Role> roles) implements DomainEvent {

    public static RoleChanged of(UserId userId, Set<Role> roles) {
        return new RoleChanged(UUID.randomUUID(), userId, roles);
    }
}
