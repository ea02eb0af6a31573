package com.lightpress.billing.subscription;

import com.lightpress.users.UserId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What applying Stripe's state to the mirror did.
 *
 * @param user the owner, or null when the subscription belongs to no Lightpress user
 * @param created whether the mirror did not know the subscription before
 * @param changes the fields that changed, as "name old -> new"
 */
record SyncOutcome(String subscriptionId, @Nullable UserId user, boolean created, List<String> changes) {

    static SyncOutcome foreign(String subscriptionId) {
        return new SyncOutcome(subscriptionId, null, false, List.of());
    }

    public boolean changed() {
        return created || !changes.isEmpty();
    }
}
