package com.lightpress.auth.factors;

import com.lightpress.auth.credentials.KeyEncryption;
import com.lightpress.users.UserId;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Authenticator-app (TOTP, RFC 6238) secrets of accounts, sealed under the key-encryption key and
 * bound to their account. A code is right for the 30-second step it names or one either side, and
 * counts once: accepting it moves the account's last used step forward in one conditional update,
 * so a code (or an older one) sent again, even at the same moment on another instance, is refused.
 */
@Component
class AuthenticatorApps {

    static final int STEP_SECONDS = 30;

    private final JdbcTemplate jdbc;
    private final KeyEncryption encryption;
    private final Clock clock;
    private final DefaultCodeGenerator codes = new DefaultCodeGenerator();
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator();

    AuthenticatorApps(JdbcTemplate jdbc, KeyEncryption encryption, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.clock = clock;
    }

    /** A new secret awaiting its first code; replaces an unconfirmed one, never a confirmed one. */
    Optional<String> start(UserId user) {
        var secret = secrets.generate();
        var sealed = encryption.encrypt(secret.getBytes(StandardCharsets.US_ASCII), context(user));
        var stored = jdbc.update("""
                INSERT INTO auth.totp_authenticators (credential_id, sealed_secret, created_at) VALUES (?, ?, ?)
                ON CONFLICT (credential_id) DO UPDATE
                  SET sealed_secret = EXCLUDED.sealed_secret, created_at = EXCLUDED.created_at, last_used_step = NULL
                  WHERE auth.totp_authenticators.confirmed_at IS NULL
                """, user.value(), sealed, Timestamp.from(clock.instant()));
        return stored == 1 ? Optional.of(secret) : Optional.empty();
    }

    /** Confirms the pending secret with its first code; false if the code is wrong. */
    boolean confirm(UserId user, String code) {
        return use(user, code, false);
    }

    /** Whether the code is right for the account's confirmed app and was not used before. */
    boolean verify(UserId user, String code) {
        return use(user, code, true);
    }

    boolean isConfirmed(UserId user) {
        return confirmedAt(user).isPresent();
    }

    Optional<Instant> confirmedAt(UserId user) {
        return jdbc
                .query(
                        "SELECT confirmed_at FROM auth.totp_authenticators"
                                + " WHERE credential_id = ? AND confirmed_at IS NOT NULL",
                        (rs, row) -> rs.getTimestamp(1).toInstant(),
                        user.value())
                .stream()
                .findFirst();
    }

    boolean remove(UserId user) {
        return jdbc.update(
                        "DELETE FROM auth.totp_authenticators WHERE credential_id = ? AND confirmed_at IS NOT NULL",
                        user.value())
                == 1;
    }

    private boolean use(UserId user, String code, boolean confirmed) {
        var secret = jdbc.query(
                "SELECT sealed_secret FROM auth.totp_authenticators WHERE credential_id = ? AND confirmed_at IS "
                        + (confirmed ? "NOT NULL" : "NULL"),
                (rs, row) -> rs.getBytes(1),
                user.value());
        if (secret.isEmpty() || !code.matches("\\d{6}")) {
            return false;
        }
        var step = matchingStep(
                new String(encryption.decrypt(secret.get(0), context(user)), StandardCharsets.US_ASCII), code);
        if (step.isEmpty()) {
            return false;
        }
        return jdbc.update(
                        "UPDATE auth.totp_authenticators SET last_used_step = ?, confirmed_at = COALESCE(confirmed_at, ?)"
                                + " WHERE credential_id = ? AND confirmed_at IS " + (confirmed ? "NOT NULL" : "NULL")
                                + " AND (last_used_step IS NULL OR last_used_step < ?)",
                        step.getAsLong(),
                        Timestamp.from(clock.instant()),
                        user.value(),
                        step.getAsLong())
                == 1;
    }

    /** The step, of the current one and one either side, whose code this is. */
    private OptionalLong matchingStep(String secret, String code) {
        var now = clock.instant().getEpochSecond() / STEP_SECONDS;
        var given = code.getBytes(StandardCharsets.US_ASCII);
        for (long step = now - 1; step <= now + 1; step++) {
            if (MessageDigest.isEqual(given, codeFor(secret, step).getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private String codeFor(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String context(UserId user) {
        return "totp:" + user.value();
    }
}
