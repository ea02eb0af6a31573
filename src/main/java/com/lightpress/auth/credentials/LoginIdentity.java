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
        @Nullable Instant passwordChangedAt) {}
