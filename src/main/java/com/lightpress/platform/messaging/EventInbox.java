package com.lightpress.platform.messaging;

import com.lightpress.platform.DomainEvent;
import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.events.LocalListeners;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an event in for the module whose queue it came from (or that it is handed to directly, once
 * that module runs where the event was published). It records the event id and queue once in
 * {@code lightpress_shared.inbox} and, in the same transaction, registers publications for exactly
 * that module's listeners in this process, then runs them, tracked by the event registry as in one
 * process. A redelivered event finds its row, whichever process took it in first, and is dropped;
 * so two instances reading one queue, or the process that takes a module back while the old one
 * still drains, never run a module's listeners twice for one event. Other listeners of the event
 * in this process ran where it was published and do not run again.
 */
class EventInbox {

    private static final Logger LOG = LoggerFactory.getLogger(EventInbox.class);

    private static final String INBOX = PlatformSettings.SHARED_SCHEMA + ".inbox";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LocalListeners listeners;
    private final EventPublicationRegistry registry;
    private final PlatformSettings settings;
    private final Clock clock;
    private volatile Duration retention;

    EventInbox(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            LocalListeners listeners,
            EventPublicationRegistry registry,
            PlatformSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.listeners = listeners;
        this.registry = registry;
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
        var module = queue.substring(settings.sqs().queuePrefix().length());
        var targets = listeners.of(module, event);
        var fresh = Boolean.TRUE.equals(transactions.execute(status -> {
            var inserted = jdbc.update(
                    "INSERT INTO " + INBOX + " (event_id, queue, event_type, received_at)"
                            + " VALUES (?, ?, ?, ?) ON CONFLICT (event_id, queue) DO NOTHING",
                    event.eventId(),
                    queue,
                    event.getClass().getName(),
                    Timestamp.from(clock.instant()));
            if (inserted == 0) {
                LOG.debug("Dropping redelivered event {} from {}", event.eventId(), queue);
                return false;
            }
            registry.store(
                    event, targets.stream().map(listener -> PublicationTargetIdentifier.of(listener.getListenerId())));
            return true;
        }));
        if (fresh) {
            var published = new PayloadApplicationEvent<>(this, event);
            targets.forEach(listener -> listener.processEvent(published));
        }
        return fresh;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "platform.inbox-cleanup", lockAtLeastFor = "PT30M")
    void forgetOldEvents() {
        var before = Timestamp.from(clock.instant().minus(retention));
        jdbc.update("DELETE FROM " + INBOX + " WHERE received_at < ?", before);
    }
}
