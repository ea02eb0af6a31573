package com.lightpress.platform;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one source of random secrets: tokens handed to people and clients, keys, nonces and codes.
 * One {@link SecureRandom} for the process, and one text form (URL-safe Base64 without padding),
 * so a token fits a link, a header and a cookie alike.
 */
public final class RandomSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();

    private RandomSecrets() {}

    /** A token of {@code bytes} random bytes as URL-safe text (32 bytes: 256 bits). */
    public static String token(int bytes) {
        return TEXT.encodeToString(bytes(bytes));
    }

    /** {@code count} random bytes: a key or a nonce. */
    public static byte[] bytes(int count) {
        var bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A random number from 0 up to, not including, {@code bound}: a character of a code. */
    public static int below(int bound) {
        return RANDOM.nextInt(bound);
    }
}
