package com.lightpress.billing;

import com.lightpress.platform.DomainEvent;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;

/** A trial ends soon (Stripe says so three days before); the user should add a payment method. */
public record TrialEnding(UUID eventId, UserId userId, String plan, Instant trialEndsAt) implements DomainEvent {

    public static TrialEnding of(UserId userId, String plan, Instant trialEndsAt) {
        return new TrialEnding(UUID.randomUUID(), userId, plan, trialEndsAt);
    }
}
