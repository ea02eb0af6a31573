package com.lightpress.auth.credentials;

import com.lightpress.platform.RandomSecrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Secrets handed to users (email tokens) or clients (refresh tokens): 256 random bits, stored or
 * recorded only as their SHA-256.
 */
public final class SecretTokens {

    private SecretTokens() {}

    static String generate() {
        return RandomSecrets.token(32);
    }

    public static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
