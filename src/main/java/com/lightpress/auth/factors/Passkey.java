package com.lightpress.auth.factors;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A passkey of the account as its owner sees it: never the key itself.
 *
 * @param id the credential id WebAuthn gave it, base64url
 * @param name the name its owner gave it
 * @param createdAt when it was registered
 * @param lastUsedAt when it last signed in (its registration, until then)
 */
public record Passkey(
        @Schema(example = "Ab3kX9_q2LwQyH1uZr7mVw") String id,
        @Schema(example = "Work laptop") String name,
        Instant createdAt,
        Instant lastUsedAt) {}
