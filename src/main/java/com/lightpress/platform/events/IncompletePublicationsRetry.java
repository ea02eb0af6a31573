package com.lightpress.platform.events;

import com.lightpress.platform.PlatformSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits event publications whose listener failed or whose process died before completing
 * them, on a schedule, and reports how many are outstanding so failures show in metrics.
 * Publications younger than the configured age are left alone: they may still be in progress.
 */
@Component
class IncompletePublicationsRetry {

    private static final Logger LOG = LoggerFactory.getLogger(IncompletePublicationsRetry.class);

    private final IncompleteEventPublications publications;
    private final PlatformSettings settings;
    private final JdbcTemplate jdbc;

    IncompletePublicationsRetry(
            IncompleteEventPublications publications,
            PlatformSettings settings,
            JdbcTemplate jdbc,
            MeterRegistry meters) {
        this.publications = publications;
        this.settings = settings;
        this.jdbc = jdbc;
        Gauge.builder("lightpress.events.incomplete", this, IncompletePublicationsRetry::outstanding)
                .description("Event publications whose listener has not completed yet")
                .register(meters);
    }

    @Scheduled(
            initialDelayString = "${lightpress.platform.events.resubmit-interval:60s}",
            fixedDelayString = "${lightpress.platform.events.resubmit-interval:60s}")
    @SchedulerLock(
            name = "platform.event-resubmission",
            lockAtLeastFor = "${lightpress.platform.events.resubmit-interval:60s}")
    void resubmit() {
        var resubmitAfter = settings.events().resubmitAfter();
        var stale = count(" AND publication_date < now() - make_interval(secs => " + resubmitAfter.toSeconds() + ")");
        if (stale > 0) {
            LOG.warn("Resubmitting {} event publications incomplete for more than {}", stale, resubmitAfter);
            publications.resubmitIncompletePublicationsOlderThan(resubmitAfter);
        }
    }

    long outstanding() {
        return count("");
    }

    private long count(String condition) {
        var sql = "SELECT count(*) FROM " + settings.schema() + ".event_publication WHERE completion_date IS NULL";
        Long count = jdbc.queryForObject(sql + condition, Long.class);
        return count == null ? 0 : count;
    }
}
