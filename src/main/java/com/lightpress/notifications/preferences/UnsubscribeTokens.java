package com.lightpress.notifications.preferences;

import com.lightpress.notifications.config.NotificationsSettings;
import com.lightpress.platform.RandomSecrets;
import com.lightpress.users.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signs and checks the tokens of unsubscribe links. A token names one user and one category and
 * carries an HMAC-SHA256 over both, so it works without a login but only for what it names. It
 * does not expire: an unsubscribe link in an old email should still work.
 */
@Component
public class UnsubscribeTokens {

    private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeTokens.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    UnsubscribeTokens(NotificationsSettings settings, JdbcTemplate jdbc) {
        this.key = new SecretKeySpec(secret(settings, jdbc), ALGORITHM);
    }

    public String tokenFor(UserId user, Category category) {
        var payload = user.value() + ":" + category.key();
        return encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + encode(sign(payload));
    }

    /**
     * The user and category a token names.
     *
     * @throws InvalidUnsubscribeToken when the token is malformed or its signature does not match
     */
    public CategoryOfUser read(String token) {
        try {
            var parts = token.split("\\.", -1);
            if (parts.length != 2) {
                throw new InvalidUnsubscribeToken();
            }
            var payload = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(sign(payload), DECODER.decode(parts[1]))) {
                throw new InvalidUnsubscribeToken();
            }
            var fields = payload.split(":", -1);
            return new CategoryOfUser(new UserId(UUID.fromString(fields[0])), Category.fromKey(fields[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidUnsubscribeToken();
        }
    }

    private byte[] sign(String payload) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * The configured secret, or else one generated once for the whole deployment and kept in the
     * database: whichever instance signed a link, every instance, now and after a restart,
     * accepts it.
     */
    private static byte[] secret(NotificationsSettings settings, JdbcTemplate jdbc) {
        var configured = settings.unsubscribeSecret();
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        LOG.info("No lightpress.notifications.unsubscribe-secret: unsubscribe links are signed with a key kept in"
                + " the database");
        var random = RandomSecrets.bytes(32);
        jdbc.update(
                "INSERT INTO notifications.secrets (name, secret) VALUES ('unsubscribe', ?) ON CONFLICT (name) DO NOTHING",
                (Object) random);
        return jdbc.queryForObject("SELECT secret FROM notifications.secrets WHERE name = 'unsubscribe'", byte[].class);
    }

    /** The user and the category an unsubscribe token stands for. */
    public record CategoryOfUser(UserId user, Category category) {}
}
