package com.lightpress.platform.events;

import com.lightpress.platform.PlatformSettings;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries event publications whose listener failed (or whose process died before completing them)
 * with exponential backoff and jitter, and moves those that are still incomplete after {@code
 * dead-letter-after} to the dead letters, where an admin can look at them and replay them. A
 * listener that fails because SMTP, Stripe or another service is down is thus tried less and less
 * often, never more than once per {@code max-delay}, instead of every minute for ever. Only
 * publications whose listener runs in this process are retried or given up on; the others wait
 * for the process of their module to take them over.
 */
@Component
class PublicationRetries {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationRetries.class);

    private final IncompleteEventPublications publications;
    private final PublicationStore store;
    private final LocalListeners listeners;
    private final PlatformSettings.Events settings;
    private final Clock clock;

    PublicationRetries(
            IncompleteEventPublications publications,
            PublicationStore store,
            LocalListeners listeners,
            PlatformSettings settings,
            Clock clock) {
        this.publications = publications;
        this.store = store;
        this.listeners = listeners;
        this.settings = settings.events();
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${lightpress.platform.events.resubmit-interval:60s}",
            fixedDelayString = "${lightpress.platform.events.resubmit-interval:60s}")
    @SchedulerLock(
            name = "platform.event-resubmission",
            lockAtLeastFor = "${lightpress.platform.events.resubmit-interval:60s}")
    void retry() {
        var now = clock.instant();
        var dead = store.moveToDeadLetters(now.minus(settings.deadLetterAfter()), now, listeners::canRun);
        dead.forEach(letter -> LOG.error(
                "Gave up on event publication {} ({} for {}) after {}: it is a dead letter now",
                letter.id(),
                letter.eventType(),
                letter.listenerId(),
                settings.deadLetterAfter()));
        var candidates = store.incompleteOlderThan(now.minus(settings.resubmitAfter()));
        if (candidates > 0) {
            LOG.warn("{} event publications incomplete for more than {}", candidates, settings.resubmitAfter());
            publications.resubmitIncompletePublications(
                    publication -> listeners.canRun(publication) && due(publication, now));
        }
    }

    /** Whether the backoff after the publication's last failure has run out. */
    boolean due(EventPublication publication, Instant now) {
        var attempts = publication.getCompletionAttempts();
        var last = publication.getLastResubmissionDate();
        var reference = last == null || attempts == 0 ? publication.getPublicationDate() : last;
        var delay = settings.backoff().delayAfter(attempts + 1, publication.getIdentifier());
        return !reference.plus(delay).isAfter(now);
    }
}
