package com.lightpress.platform.events;

import com.lightpress.platform.PlatformSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits event publications whose listener failed or whose process died before completing
 * them, on a schedule, and reports how many are outstanding so failures show in metrics.
 * Publications younger than the configured age are left alone: they may still be in progress. Only
 * publications whose listener runs in this process are resubmitted; the others wait for the
 * process of their module to take them over.
 */
@Component
class IncompletePublicationsRetry {

    private static final Logger LOG = LoggerFactory.getLogger(IncompletePublicationsRetry.class);

    private final IncompleteEventPublications publications;
    private final PlatformSettings settings;
    private final JdbcTemplate jdbc;
    private final LocalListeners listeners;
    private final Clock clock;

    IncompletePublicationsRetry(
            IncompleteEventPublications publications,
            PlatformSettings settings,
            JdbcTemplate jdbc,
            LocalListeners listeners,
            Clock clock,
            MeterRegistry meters) {
        this.publications = publications;
        this.settings = settings;
        this.jdbc = jdbc;
        this.listeners = listeners;
        this.clock = clock;
        Gauge.builder("lightpress.events.incomplete", this, IncompletePublicationsRetry::outstanding)
                .description("Event publications whose listener has not completed yet")
                .register(meters);
    }

    @Scheduled(
            initialDelayString = "${lightpress.platform.events.resubmit-interval:60s}",
            fixedDelayString = "${lightpress.platform.events.resubmit-interval:60s}")
    void resubmit() {
        var resubmitAfter = settings.events().resubmitAfter();
        var before = clock.instant().minus(resubmitAfter);
        var stale = jdbc
                .query(
                        "SELECT listener_id, event_type FROM " + settings.schema() + ".event_publication"
                                + " WHERE completion_date IS NULL AND publication_date < ?",
                        (row, index) -> listeners.canRun(row.getString(1), row.getString(2)),
                        Timestamp.from(before))
                .stream()
                .filter(Boolean::booleanValue)
                .count();
        if (stale > 0) {
            LOG.warn("Resubmitting {} event publications incomplete for more than {}", stale, resubmitAfter);
            publications.resubmitIncompletePublications(
                    publication -> publication.getPublicationDate().isBefore(before) && listeners.canRun(publication));
        }
    }

    long outstanding() {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM " + settings.schema() + ".event_publication WHERE completion_date IS NULL",
                Long.class);
        return count == null ? 0 : count;
    }
}
