package com.lightpress.auth.factors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A passkey of the account as its owner sees it: never the key itself.
 *
 * @param id the credential id WebAuthn gave it, base64url
 * @param name the name its owner gave it
 * @param createdAt when it was registered
 * @param lastUsedAt when it last signed in (its registration, until then)
 * @param recoveryCodes only in the answer to registering the account's first second factor: the
 *     ten recovery codes that came with it, shown this once (only their digests are kept)
 */
public record Passkey(
        @Schema(example = "Ab3kX9_q2LwQyH1uZr7mVw") String id,
        @Schema(example = "Work laptop") String name,
        Instant createdAt,
        Instant lastUsedAt,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Only in the answer to registering the account's first second factor: the ten"
                        + " recovery codes that came with it, shown this once",
                example = "[\"k7m2p-x9qrt\", \"3hfwz-q8n4c\", \"m5tye-2dkpa\"]")
        @Nullable
        List<String> recoveryCodes) {

    Passkey(String id, String name, Instant createdAt, Instant lastUsedAt) {
        this(id, name, createdAt, lastUsedAt, null);
    }

    /** This passkey as the answer to its registration, with the codes that came with it, if any. */
    Passkey withRecoveryCodes(List<String> codes) {
        return new Passkey(id, name, createdAt, lastUsedAt, codes.isEmpty() ? null : List.copyOf(codes));
    }
}
