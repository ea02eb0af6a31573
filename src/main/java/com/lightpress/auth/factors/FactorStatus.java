package com.lightpress.auth.factors;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What second factors an account has: names and dates, never a secret.
 *
 * @param authenticatorAppAddedAt when the authenticator app was confirmed; null without one
 * @param recoveryCodesLeft unused recovery codes (they come with the account's first second
 *     factor, an app or a passkey, and go with its last)
 * @param recoveryCodesCreatedAt when the current recovery codes were made; null without any
 * @param passkeys how many passkeys the account has
 */
public record FactorStatus(
        @Nullable Instant authenticatorAppAddedAt,
        @Schema(example = "10") int recoveryCodesLeft,
        @Nullable Instant recoveryCodesCreatedAt,
        @Schema(example = "1") int passkeys) {

    /** Whether an authenticator app is set up. */
    public boolean hasAuthenticatorApp() {
        return authenticatorAppAddedAt != null;
    }

    /** Whether the account has a second factor of either kind, and so its recovery codes. */
    public boolean hasSecondFactor() {
        return hasAuthenticatorApp() || passkeys > 0;
    }
}
