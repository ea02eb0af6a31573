package com.lightpress.auth.credentials;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A hashed single-use token of a credential: to verify its email or to reset its password. */
@Table(schema = "auth", name = "one_time_tokens")
record OneTimeToken(
        @Id String tokenHash,
        Purpose purpose,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant usedAt) {

    enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD
    }

    boolean isUsable(Purpose wanted, Instant now) {
        return purpose == wanted && usedAt == null && now.isBefore(expiresAt);
    }

    OneTimeToken usedAt(Instant now) {
        return new OneTimeToken(tokenHash, purpose, createdAt, expiresAt, now);
    }
}
