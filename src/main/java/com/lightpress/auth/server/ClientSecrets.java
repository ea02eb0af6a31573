package com.lightpress.auth.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks client secrets with SHA-256. Client secrets are long random values generated for machines,
 * not passwords people choose, so a memory-hard hash would add cost without adding safety: nobody
 * can guess a 256-bit secret however fast its hash is. The comparison takes constant time.
 */
final class ClientSecrets implements PasswordEncoder {

    @Override
    public @Nullable String encode(@Nullable CharSequence secret) {
        if (secret == null) {
            return null;
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(secret.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean matches(@Nullable CharSequence secret, @Nullable String encoded) {
        var computed = encode(secret);
        if (computed == null || encoded == null) {
            return false;
        }
        return MessageDigest.isEqual(
                computed.getBytes(StandardCharsets.US_ASCII), encoded.getBytes(StandardCharsets.US_ASCII));
    }
}
