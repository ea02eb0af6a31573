package com.lightpress.platform.messaging;

import com.lightpress.platform.DomainEvent;
import com.lightpress.platform.PlatformSettings;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The modules in other processes that an event published here must reach, written to
 * {@code <process schema>.event_targets} in the publishing transaction, next to the event's
 * publication for the externalizer. The externalizer sends to what is recorded, not to what the
 * routing says when it finally sends: after a restart with a module folded back into this process
 * the routing names no remote module, and the event would otherwise never reach that module.
 */
class EventTargets {

    private final JdbcTemplate jdbc;
    private final EventRouting routing;
    private final PlatformSettings settings;
    private final Clock clock;
    private volatile boolean mayHoldSome = true;

    EventTargets(JdbcTemplate jdbc, EventRouting routing, PlatformSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.routing = routing;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void record(DomainEvent event) {
        routing.remoteConsumersOf(event)
                .forEach(module -> jdbc.update(
                        "INSERT INTO " + table() + " (event_id, module, recorded_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        event.eventId(),
                        module,
                        Timestamp.from(clock.instant())));
    }

    /** The modules recorded for an event; empty for one published before targets were recorded. */
    List<String> of(Object event) {
        if (!(event instanceof DomainEvent domain) || !mayHoldSome) {
            return List.of();
        }
        return jdbc.queryForList(
                "SELECT module FROM " + table() + " WHERE event_id = ? ORDER BY module",
                String.class,
                domain.eventId());
    }

    void forget(Object event) {
        if (event instanceof DomainEvent domain) {
            jdbc.update("DELETE FROM " + table() + " WHERE event_id = ?", domain.eventId());
        }
    }

    /**
     * Notes whether any targets are left, so that a process whose routing names no remote module
     * asks the database only while some are. Targets recorded elsewhere arrive by a take-over,
     * which calls {@link #mayHoldSome()} again.
     */
    void mayHoldSome() {
        mayHoldSome = Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + table() + ")", Boolean.class));
    }

    /** Targets whose event was sent long ago (a send that succeeded before its clean-up failed). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "platform.event-target-cleanup", lockAtLeastFor = "PT30M")
    void forgetOldTargets() {
        var before = Timestamp.from(clock.instant().minus(settings.sqs().inboxRetention()));
        jdbc.update("DELETE FROM " + table() + " WHERE recorded_at < ?", before);
    }

    private String table() {
        return settings.schema() + ".event_targets";
    }
}
