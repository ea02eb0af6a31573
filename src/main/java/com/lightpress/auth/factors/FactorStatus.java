package com.lightpress.auth.factors;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What second factors an account has: names and dates, never a secret.
 *
 * @param authenticatorAppAddedAt when the authenticator app was confirmed; null without one
 * @param recoveryCodesLeft unused recovery codes
 * @param recoveryCodesCreatedAt when the current recovery codes were made
 * @param passkeys how many passkeys the account has
 */
public record FactorStatus(
        @Nullable Instant authenticatorAppAddedAt,
        @Schema(example = "10") int recoveryCodesLeft,
        @Nullable Instant recoveryCodesCreatedAt,
        @Schema(example = "1") int passkeys) {

    /** Whether an authenticator app is set up (recovery codes come with it). */
    public boolean enrolled() {
        return authenticatorAppAddedAt != null;
    }
}
