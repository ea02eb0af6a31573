package com.lightpress.billing.subscription;

import com.lightpress.users.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Idempotency keys for the Stripe calls that create something, derived from the request so that
 * a client's retry sends Stripe the same key and gets the first answer back instead of a second
 * session. The client's own {@code Idempotency-Key} header decides when it sends one; without it
 * the key is stable for the user, the plan and the current minute.
 */
final class IdempotencyKeys {

    private IdempotencyKeys() {}

    static String checkout(UserId user, String plan, @Nullable String clientKey, Instant now) {
        var scope = clientKey == null || clientKey.isBlank()
                ? "minute:" + now.truncatedTo(ChronoUnit.MINUTES)
                : "client:" + clientKey.strip();
        return "lightpress-checkout-" + sha256(user + "|" + plan + "|" + scope);
    }

    private static String sha256(String value) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
