package com.lightpress.platform.events;

import com.lightpress.platform.EveryInstance;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The event registry in figures: incomplete publications per listener and in total, and dead
 * letters waiting for an admin. Counted from the database on a schedule rather than at each
 * scrape, so a scrape never waits for a query.
 */
@Component
class EventMeters {

    private final PublicationStore store;
    private final MultiGauge byListener;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();

    EventMeters(PublicationStore store, MeterRegistry meters) {
        this.store = store;
        this.byListener = MultiGauge.builder("lightpress.events.incomplete")
                .description("Event publications whose listener has not completed yet, per listener")
                .register(meters);
        Gauge.builder("lightpress.events.incomplete.all", total, AtomicLong::get)
                .description("Event publications whose listener has not completed yet")
                .register(meters);
        Gauge.builder("lightpress.events.dead", dead, AtomicLong::get)
                .description("Event publications given up on, waiting for an admin to replay them")
                .register(meters);
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${lightpress.platform.events.meter-interval:30s}")
    @EveryInstance("each instance reports the registry's counts through its own meter registry")
    void refresh() {
        var counts = store.incompleteByListener();
        byListener.register(
                counts.entrySet().stream()
                        .map(entry ->
                                MultiGauge.Row.of(Tags.of("listener", listener(entry.getKey())), entry.getValue()))
                        .toList(),
                true);
        total.set(counts.values().stream().mapToLong(Long::longValue).sum());
        dead.set(store.deadLettersWaiting());
    }

    /**
     * The listener's class, method and event type without packages, as a short tag:
     * {@code AuthReactions.on(UserSignedUp)}.
     */
    static String listener(String id) {
        var open = id.indexOf('(');
        var method = open < 0 ? id : id.substring(0, open);
        var parts = method.split("\\.");
        var name = parts.length < 2 ? method : parts[parts.length - 2] + "." + parts[parts.length - 1];
        if (open < 0) {
            return name;
        }
        var parameter = id.substring(open + 1, id.lastIndexOf(')'));
        return name + "(" + parameter.substring(parameter.lastIndexOf('.') + 1) + ")";
    }
}
