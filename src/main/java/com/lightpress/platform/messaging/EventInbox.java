package com.lightpress.platform.messaging;

import com.lightpress.platform.DomainEvent;
import com.lightpress.platform.PlatformSettings;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in events that arrived over SQS: records each event id once and, in the same transaction,
 * publishes the event again in this process, so the local modules' ordinary listeners run,
 * tracked by the event registry as in one process. A redelivered event finds its id and is
 * dropped.
 */
class EventInbox {

    private static final Logger LOG = LoggerFactory.getLogger(EventInbox.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final PlatformSettings settings;
    private final Clock clock;
    private volatile Duration retention;

    EventInbox(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            PlatformSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.retention = settings.sqs().inboxRetention();
    }

    /**
     * Keeps event ids at least a day longer than the queues keep messages, if they keep them
     * longer than the configured inbox retention.
     */
    void coverRetentionOf(Duration queueRetention) {
        var needed = queueRetention.plusDays(1);
        if (needed.compareTo(retention) > 0) {
            LOG.warn(
                    "The queues keep messages for {}: keeping received event ids for {} instead of {}",
                    queueRetention,
                    needed,
                    retention);
            retention = needed;
        }
    }

    Duration retention() {
        return retention;
    }

    /** @return whether the event was new; false for a redelivery */
    boolean receive(DomainEvent event, String queue) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            var inserted = jdbc.update(
                    "INSERT INTO " + settings.schema() + ".inbox (event_id, event_type, queue, received_at)"
                            + " VALUES (?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                    event.eventId(),
                    event.getClass().getName(),
                    queue,
                    Timestamp.from(clock.instant()));
            if (inserted == 0) {
                LOG.debug("Dropping redelivered event {}", event.eventId());
                return false;
            }
            events.publishEvent(event);
            return true;
        }));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "platform.inbox-cleanup", lockAtLeastFor = "PT30M")
    void forgetOldEvents() {
        var before = Timestamp.from(clock.instant().minus(retention));
        jdbc.update("DELETE FROM " + settings.schema() + ".inbox WHERE received_at < ?", before);
    }
}
