package com.lightpress.auth.keys;

import com.lightpress.auth.credentials.KeyEncryption;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An RSA key that signs tokens while it is current and stays published after it retires, until
 * every token it signed has expired.
 */
@Table(schema = "auth", name = "signing_keys")
class SigningKey {

    @Id
    private final String kid;

    private final String publicJwk;
    private final byte[] encryptedPrivateKey;
    private final Instant createdAt;
    private @Nullable Instant retiredAt;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    SigningKey(
            String kid,
            String publicJwk,
            byte[] encryptedPrivateKey,
            Instant createdAt,
            @Nullable Instant retiredAt,
            @Nullable Long version) {
        this.kid = kid;
        this.publicJwk = publicJwk;
        this.encryptedPrivateKey = encryptedPrivateKey;
        this.createdAt = createdAt;
        this.retiredAt = retiredAt;
        this.version = version;
    }

    static SigningKey generate(KeyEncryption encryption, Instant now) {
        try {
            var key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            var encrypted = encryption.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8));
            return new SigningKey(key.getKeyID(), key.toPublicJWK().toJSONString(), encrypted, now, null, null);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }

    String kid() {
        return kid;
    }

    Instant createdAt() {
        return createdAt;
    }

    boolean isCurrent() {
        return retiredAt == null;
    }

    /** Whether tokens it signed may still be valid, so verifiers still need it. */
    boolean isPublished(Duration longestTokenLifetime, Instant now) {
        return retiredAt == null || retiredAt.plus(longestTokenLifetime).isAfter(now);
    }

    void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }

    RSAKey publicKey() {
        try {
            return RSAKey.parse(publicJwk);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored signing key " + kid + " is not a valid JWK", e);
        }
    }

    RSAKey privateKey(KeyEncryption encryption) {
        try {
            return RSAKey.parse(new String(encryption.decrypt(encryptedPrivateKey), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException("Stored signing key " + kid + " is not a valid JWK", e);
        }
    }
}
