package com.lightpress.auth.factors;

import com.lightpress.users.UserId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.stereotype.Component;

/**
 * The passkey registration each account has begun: the options (with their one-time challenge)
 * wait in PostgreSQL, not in a server's memory or a session, because the API is stateless and the
 * browser's answer may reach another instance. A newer registration replaces an older one, and
 * finishing takes the options away in one statement, so an answer counts once.
 */
@Component
class PendingRegistrations {

    /** Only Spring Security's WebAuthn value types and the JDK types inside them are read back. */
    private static final ObjectInputFilter ONLY_OPTIONS =
            ObjectInputFilter.Config.createFilter("org.springframework.security.web.webauthn.api.*;java.**;!*");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PendingRegistrations(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void begin(UserId user, PublicKeyCredentialCreationOptions options, Duration timeout) {
        jdbc.update(
                """
                INSERT INTO auth.passkey_registrations (credential_id, options, expires_at) VALUES (?, ?, ?)
                ON CONFLICT (credential_id) DO UPDATE SET options = EXCLUDED.options, expires_at = EXCLUDED.expires_at
                """,
                user.value(),
                serialize(options),
                Timestamp.from(clock.instant().plus(timeout)));
    }

    /** The account's registration, taken away; empty when there is none or it timed out. */
    Optional<PublicKeyCredentialCreationOptions> finish(UserId user) {
        return jdbc
                .query(
                        "DELETE FROM auth.passkey_registrations WHERE credential_id = ? RETURNING options, expires_at",
                        (rs, row) -> rs.getTimestamp(2).toInstant().isAfter(clock.instant())
                                ? Optional.of(deserialize(rs.getBytes(1)))
                                : Optional.<PublicKeyCredentialCreationOptions>empty(),
                        user.value())
                .stream()
                .findFirst()
                .flatMap(it -> it);
    }

    private static byte[] serialize(PublicKeyCredentialCreationOptions options) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static PublicKeyCredentialCreationOptions deserialize(byte[] stored) {
        try (var in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(ONLY_OPTIONS);
            return (PublicKeyCredentialCreationOptions) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("A pending passkey registration cannot be read", e);
        }
    }
}
