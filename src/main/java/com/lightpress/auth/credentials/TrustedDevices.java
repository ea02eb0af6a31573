package com.lightpress.auth.credentials;

import com.lightpress.auth.config.AuthSettings;
import com.lightpress.users.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Browsers an account has logged in from, each known by a signed cookie (OWASP's device cookies).
 * A lock that guessing puts on an account applies to every other browser, so a stranger can keep
 * guessing slowly but cannot keep the owner out. A cookie that keeps failing stops being trusted.
 */
@Component
public class TrustedDevices {

    /** The cookie a trusted browser carries: {@code <device id>.<keyed digest of the id>}. */
    public static final String COOKIE = "lightpress_device";

    private final JdbcTemplate jdbc;
    private final KeyEncryption encryption;
    private final AuthSettings.Login settings;
    private final Clock clock;

    TrustedDevices(JdbcTemplate jdbc, KeyEncryption encryption, AuthSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.settings = settings.login();
        this.clock = clock;
    }

    /**
     * Remembers the browser after a successful login and returns the cookie it should keep: the
     * same one when it was already trusted for this user, otherwise a new one.
     */
    public String remember(UserId user, @Nullable String cookie) {
        var known = deviceOf(cookie, user);
        if (known.isPresent()) {
            return cookie;
        }
        var id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant());
        jdbc.update(
                "INSERT INTO auth.trusted_devices (id, credential_id, created_at, last_login_at, failed_logins)"
                        + " VALUES (?, ?, ?, ?, 0)",
                id,
                user.value(),
                now,
                now);
        jdbc.update(
                "DELETE FROM auth.trusted_devices WHERE credential_id = ? AND id NOT IN (SELECT id FROM"
                        + " auth.trusted_devices WHERE credential_id = ? ORDER BY last_login_at DESC LIMIT ?)",
                user.value(),
                user.value(),
                settings.devicesPerAccount());
        return id + "." + encryption.signature(id.toString());
    }

    /** The device a genuine cookie of this user's names, while it is still trusted. */
    Optional<UUID> deviceOf(@Nullable String cookie, UserId user) {
        return idOf(cookie)
                .filter(id -> !jdbc.query(
                                "SELECT 1 FROM auth.trusted_devices WHERE id = ? AND credential_id = ? AND last_login_at > ?",
                                (rs, row) -> 1,
                                id,
                                user.value(),
                                Timestamp.from(clock.instant().minus(settings.deviceLifetime())))
                        .isEmpty());
    }

    /** Whether the device is still trusted, read with a row lock so concurrent failures count right. */
    boolean isStillTrusted(UUID device) {
        var failures = jdbc.query(
                "SELECT failed_logins FROM auth.trusted_devices WHERE id = ? FOR UPDATE",
                (rs, row) -> rs.getInt(1),
                device);
        return !failures.isEmpty() && failures.get(0) < settings.deviceMaxFailures();
    }

    /** Forgets every browser of the user: after a new password or a disabled account, none is trusted. */
    public void forgetAll(UserId user) {
        jdbc.update("DELETE FROM auth.trusted_devices WHERE credential_id = ?", user.value());
    }

    void recordSuccess(UUID device) {
        jdbc.update(
                "UPDATE auth.trusted_devices SET failed_logins = 0, last_login_at = ? WHERE id = ?",
                Timestamp.from(clock.instant()),
                device);
    }

    /** Counts a wrong password from a trusted browser; too many and it is trusted no more. */
    void recordFailure(UUID device) {
        jdbc.update("UPDATE auth.trusted_devices SET failed_logins = failed_logins + 1 WHERE id = ?", device);
        jdbc.update(
                "DELETE FROM auth.trusted_devices WHERE id = ? AND failed_logins >= ?",
                device,
                settings.deviceMaxFailures());
    }

    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT15M")
    @SchedulerLock(name = "auth.trusted-device-cleanup", lockAtMostFor = "PT3H", lockAtLeastFor = "PT3H")
    void forgetStale() {
        jdbc.update(
                "DELETE FROM auth.trusted_devices WHERE last_login_at < ?",
                Timestamp.from(clock.instant().minus(settings.deviceLifetime())));
    }

    private Optional<UUID> idOf(@Nullable String cookie) {
        if (cookie == null) {
            return Optional.empty();
        }
        var dot = cookie.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        var id = cookie.substring(0, dot);
        var expected = encryption.signature(id).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
