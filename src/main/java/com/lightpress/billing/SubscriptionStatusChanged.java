package com.lightpress.billing;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user's subscription moved from one status to another (or was created, then {@code from} is
 * null).
 */
public record SubscriptionStatusChanged(
        UUID eventId, UserId userId, @Nullable SubscriptionStatus from, SubscriptionStatus to, String plan)
        implements DomainEvent {

    public static SubscriptionStatusChanged of(
            UserId userId, @Nullable SubscriptionStatus from, SubscriptionStatus to, String plan) {
        return new SubscriptionStatusChanged(UUID.randomUUID(), userId, from, to, plan);
    }
}
