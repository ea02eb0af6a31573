package com.lightpress.auth.keys;

import com.lightpress.auth.config.AuthSettings;
import com.lightpress.auth.credentials.KeyEncryption;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys that sign and verify tokens, kept in PostgreSQL so every instance signs with the same
 * key and tokens survive restarts. Each instance caches them briefly; a rotation on one instance
 * reaches the others within that time, and verifiers fetch the JWKS again on an unknown key id.
 */
@Service
public class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration CACHE = Duration.ofSeconds(30);
    /** ID tokens live 30 minutes; a retired key stays published that long, or longer if access tokens do. */
    private static final Duration ID_TOKEN_LIFETIME = Duration.ofMinutes(30);

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final SigningKeyRepository keys;
    private final KeyEncryption encryption;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration publishedAfterRetirement;
    private volatile Snapshot snapshot = new Snapshot(Instant.MIN, List.of(), List.of());

    SigningKeys(
            SigningKeyRepository keys,
            AuthSettings settings,
            KeyEncryption encryption,
            TransactionTemplate transactions,
            JdbcTemplate jdbc,
            Clock clock) {
        this.keys = keys;
        this.encryption = encryption;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
        var access = settings.tokens().accessToken();
        this.publishedAfterRetirement =
                (access.compareTo(ID_TOKEN_LIFETIME) > 0 ? access : ID_TOKEN_LIFETIME).plus(CLOCK_SKEW);
    }

    /** The current key only, with its private part: what new tokens are signed with. */
    public JWKSource<SecurityContext> signing() {
        return (selector, context) -> selector.select(new JWKSet(current().signing()));
    }

    /**
     * Every published public key: what tokens are checked against and what the JWKS shows. A key
     * id it does not know makes it look in the database for that key, so a key another instance
     * has just created is found at once; an unknown id costs one lookup by primary key.
     */
    public JWKSource<SecurityContext> verification() {
        return (selector, context) -> {
            var found = selector.select(new JWKSet(current().published()));
            var wanted = selector.getMatcher().getKeyIDs();
            if (found.isEmpty() && wanted != null && wanted.stream().anyMatch(keys::existsById)) {
                snapshot = load();
                found = selector.select(new JWKSet(snapshot.published()));
            }
            return found;
        };
    }

    /** Retires the current key and starts signing with a new one. */
    public String rotate() {
        var kid = transactions.execute(status -> {
            lock();
            var now = clock.instant();
            keys.findAllByOrderByCreatedAtDesc().stream()
                    .filter(SigningKey::isCurrent)
                    .forEach(key -> {
                        key.retire(now);
                        keys.save(key);
                    });
            return keys.save(SigningKey.generate(encryption, now)).kid();
        });
        snapshot = load();
        LOG.info("Rotated the token signing key; now signing with {}", kid);
        return kid;
    }

    /** Rotates when the current key is older than the given age; one instance does it. */
    void rotateIfOlderThan(Duration age) {
        var current = keys.findAllByOrderByCreatedAtDesc().stream()
                .filter(SigningKey::isCurrent)
                .findFirst();
        if (current.isPresent() && current.get().createdAt().plus(age).isBefore(clock.instant())) {
            rotate();
        }
    }

    private Snapshot current() {
        var known = snapshot;
        if (known.loadedAt().plus(CACHE).isBefore(clock.instant())
                || known.signing().isEmpty()) {
            known = load();
            snapshot = known;
        }
        return known;
    }

    private Snapshot load() {
        var stored = keys.findAllByOrderByCreatedAtDesc();
        if (stored.stream().noneMatch(SigningKey::isCurrent)) {
            stored = transactions.execute(status -> {
                lock();
                var again = keys.findAllByOrderByCreatedAtDesc();
                if (again.stream().noneMatch(SigningKey::isCurrent)) {
                    keys.save(SigningKey.generate(encryption, clock.instant()));
                    LOG.info("Created the first token signing key");
                }
                return keys.findAllByOrderByCreatedAtDesc();
            });
        }
        var now = clock.instant();
        List<JWK> signing = stored.stream()
                .filter(SigningKey::isCurrent)
                .limit(1)
                .map(key -> (JWK) key.privateKey(encryption))
                .toList();
        List<JWK> published = stored.stream()
                .filter(key -> key.isPublished(publishedAfterRetirement, now))
                .map(key -> (JWK) key.publicKey())
                .toList();
        return new Snapshot(now, signing, published);
    }

    private void lock() {
        jdbc.execute("SELECT pg_advisory_xact_lock(hashtext('auth.signing_keys'))");
    }

    private record Snapshot(Instant loadedAt, List<JWK> signing, List<JWK> published) {}
}
