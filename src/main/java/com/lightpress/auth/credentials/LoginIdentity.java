package com.lightpress.auth.credentials;

import com.lightpress.users.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the token issuer needs to know about a credential. */
public record LoginIdentity(
        UserId id,
        String email,
        boolean emailVerified,
        boolean disabled,
        @Nullable Instant passwordChangedAt) {

    /**
     * Whether a login made at that time still counts: not after the account was disabled, nor
     * from before the password last changed.
     */
    public boolean stillValidFor(Instant authTime) {
        return !disabled && (passwordChangedAt == null || !passwordChangedAt.isAfter(authTime));
    }
}
