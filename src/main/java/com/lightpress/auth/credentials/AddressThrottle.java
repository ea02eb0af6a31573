package com.lightpress.auth.credentials;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per client address in a fixed window, in the database so that every
 * instance sees the same count, and refuses an address that failed too often.
 */
@Component
class AddressThrottle {

    private final JdbcTemplate jdbc;
    private final AuthSettings.Login settings;
    private final Clock clock;

    AddressThrottle(JdbcTemplate jdbc, AuthSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings.login();
        this.clock = clock;
    }

    boolean isBlocked(String address) {
        var failures = jdbc.query(
                "SELECT failures FROM auth.address_failures WHERE address = ? AND window_started_at > ?",
                (rs, row) -> rs.getInt(1),
                address,
                Timestamp.from(windowStart()));
        return !failures.isEmpty() && failures.get(0) >= settings.addressMaxFailures();
    }

    void recordFailure(String address) {
        var now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO auth.address_failures (address, window_started_at, failures) VALUES (?, ?, 1)
                ON CONFLICT (address) DO UPDATE SET
                  failures = CASE WHEN auth.address_failures.window_started_at > ?
                                  THEN auth.address_failures.failures + 1 ELSE 1 END,
                  window_started_at = CASE WHEN auth.address_failures.window_started_at > ?
                                  THEN auth.address_failures.window_started_at ELSE EXCLUDED.window_started_at END
                """, address, now, Timestamp.from(windowStart()), Timestamp.from(windowStart()));
    }

    private Instant windowStart() {
        return clock.instant().minus(settings.addressWindow());
    }
}
