package com.lightpress.auth.credentials;

import com.lightpress.auth.config.AuthSettings;
import com.lightpress.platform.RandomSecrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Everything auth keeps secret at rest depends on the key-encryption key from configuration:
 * signing keys and issued tokens are sealed with AES-256-GCM under it, and tokens are found by a
 * keyed digest (HMAC-SHA256 under a key derived from it), so a copy of the database alone neither
 * forges nor replays a token.
 */
@Component
public class KeyEncryption {

    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecretKey lookupKey;
    private final SecretKey signingKey;

    KeyEncryption(AuthSettings settings) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(settings.keyEncryptionKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("lightpress.auth.key-encryption-key must be base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("lightpress.auth.key-encryption-key must be 32 bytes, base64-encoded");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        var master = new SecretKeySpec(bytes, "HmacSHA256");
        this.lookupKey = new SecretKeySpec(hmac(master, "token lookup"), "HmacSHA256");
        this.signingKey = new SecretKeySpec(hmac(master, "cookie signature"), "HmacSHA256");
    }

    public byte[] encrypt(byte[] plain) {
        return encrypt(plain, "");
    }

    public byte[] decrypt(byte[] stored) {
        return decrypt(stored, "");
    }

    /**
     * Seals the plain bytes bound to a context (a row's id): opened with another context, they
     * fail, so sealed data copied to another row is useless there.
     */
    public byte[] encrypt(byte[] plain, String context) {
        var iv = RandomSecrets.bytes(IV_LENGTH);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            var sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt with the key-encryption key", e);
        }
    }

    public byte[] decrypt(byte[] stored, String context) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_LENGTH));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, IV_LENGTH, stored.length - IV_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot decrypt: is lightpress.auth.key-encryption-key the one the data was stored with?", e);
        }
    }

    /** The keyed digest a secret value is looked up by; the value itself is never stored. */
    public String lookupDigest(String value) {
        return HexFormat.of().formatHex(hmac(lookupKey, value));
    }

    /** A signature of a value handed to browsers (a device cookie), under a key of its own. */
    public String signature(String value) {
        return HexFormat.of().formatHex(hmac(signingKey, value));
    }

    private static byte[] hmac(SecretKey key, String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
