package com.lightpress.auth.credentials;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in the database, so every instance counts together: failed logins per
 * client address, sign-ups and reset requests per address, alert emails per account. Each count
 * is one atomic upsert.
 */
@Component
public class RateLimits {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RateLimits(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one event under the key and says whether the window still allows it. */
    public Window count(String key, int max, Duration window) {
        var now = clock.instant();
        var windowStart = Timestamp.from(now.minus(window));
        return jdbc.queryForObject(
                """
                INSERT INTO auth.rate_limits (limit_key, window_started_at, count) VALUES (?, ?, 1)
                ON CONFLICT (limit_key) DO UPDATE SET
                  count = CASE WHEN auth.rate_limits.window_started_at > ?
                               THEN auth.rate_limits.count + 1 ELSE 1 END,
                  window_started_at = CASE WHEN auth.rate_limits.window_started_at > ?
                               THEN auth.rate_limits.window_started_at ELSE EXCLUDED.window_started_at END
                RETURNING count, window_started_at
                """,
                (rs, row) -> new Window(
                        rs.getInt(1) <= max, rs.getTimestamp(2).toInstant().plus(window)),
                key,
                Timestamp.from(now),
                windowStart,
                windowStart);
    }

    /** Whether the key has used up its window, without counting. */
    boolean exhausted(String key, int max, Duration window) {
        var counts = jdbc.query(
                "SELECT count FROM auth.rate_limits WHERE limit_key = ? AND window_started_at > ?",
                (rs, row) -> rs.getInt(1),
                key,
                Timestamp.from(clock.instant().minus(window)));
        return !counts.isEmpty() && counts.get(0) >= max;
    }

    /** Starts the key's count afresh (a right second-factor code ends the run of wrong ones). */
    public void forget(String key) {
        jdbc.update("DELETE FROM auth.rate_limits WHERE limit_key = ?", key);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    @SchedulerLock(name = "auth.rate-limit-cleanup", lockAtLeastFor = "PT30M")
    void forgetOldWindows() {
        jdbc.update(
                "DELETE FROM auth.rate_limits WHERE window_started_at < ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
    }

    /**
     * @param allowed whether this event is within the limit
     * @param endsAt when the window ends and the limit resets
     */
    public record Window(boolean allowed, Instant endsAt) {}
}
