package com.lightpress.platform.messaging;

import com.lightpress.platform.Backoff;
import io.awspring.cloud.sqs.listener.backpressure.BackPressureHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stops the inbound listener from taking messages off the queues while the database is down:
 * every message received then would fail and use up one of its receives, and enough of them move
 * it to the dead-letter queue. Closed by the first infrastructure failure, it lets no message
 * through until a probe ({@code SELECT 1}), tried with backoff, finds the database again.
 */
final class DatabaseGate implements BackPressureHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGate.class);
    private static final Backoff PROBES = new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(30), 0.2);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private @Nullable Instant nextProbe;
    private int failedProbes;

    DatabaseGate(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The database failed a message: take no more until it answers again. */
    synchronized void close() {
        if (nextProbe == null) {
            LOG.warn("The database is unreachable: no more messages are taken until it answers again");
            failedProbes = 0;
            nextProbe = clock.instant().plus(PROBES.delayAfter(1, this));
        }
    }

    synchronized boolean isOpen() {
        return nextProbe == null;
    }

    @Override
    public synchronized int request(int amount) {
        if (nextProbe == null) {
            return amount;
        }
        if (clock.instant().isBefore(nextProbe)) {
            return 0;
        }
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
            LOG.info("The database answers again: taking messages");
            nextProbe = null;
            return amount;
        } catch (RuntimeException e) {
            failedProbes++;
            nextProbe = clock.instant().plus(PROBES.delayAfter(failedProbes + 1, this));
            return 0;
        }
    }

    @Override
    public void release(int amount, ReleaseReason reason) {
        // the gate hands out no permits of its own
    }

    @Override
    public boolean drain(Duration timeout) {
        return true;
    }
}
