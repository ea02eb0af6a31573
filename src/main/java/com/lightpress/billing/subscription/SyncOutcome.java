package com.lightpress.billing.subscription;

import com.lightpress.users.UserId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What applying Stripe's state to the mirror did.
 *
 * @param user the owner, or null when the subscription belongs to no Lightpress user
 * @param created whether the mirror did not know the subscription before
 * @param changes the fields that changed, as "name old -> new"
 */
record SyncOutcome(
        @Schema(example = "sub_1QfXk2LkdIwHu7ixQ0Vb8yRt") String subscriptionId,
        @Nullable UserId user,
        boolean created,

        @Schema(example = "[\"status: past_due -> active\"]")
        List<String> changes) {

    static SyncOutcome foreign(String subscriptionId) {
        return new SyncOutcome(subscriptionId, null, false, List.of());
    }

    public boolean changed() {
        return created || !changes.isEmpty();
    }
}
