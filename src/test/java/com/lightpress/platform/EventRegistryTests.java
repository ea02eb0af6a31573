package com.lightpress.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.LightpressTest;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/** A listener that fails leaves its publication incomplete, and the schedule runs it again. */
@LightpressTest(
        properties = {
            "lightpress.platform.events.resubmit-interval=200ms",
            "lightpress.platform.events.resubmit-after=0s"
        })
@Import(EventRegistryTests.FlakyListener.class)
class EventRegistryTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FlakyListener listener;

    @Test
    void failedListenerIsRetriedOnScheduleUntilItSucceeds() {
        var id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> events.publishEvent(new SomethingHappened(id)));

        await().atMost(Duration.ofSeconds(20)).until(() -> listener.handled(id));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(incompletePublications()).isZero());
        assertThat(listener.failures(id)).isEqualTo(2);
    }

    private int incompletePublications() {
        return jdbc.queryForObject("SELECT count(*) FROM lightpress.event_publication", Integer.class);
    }

    record SomethingHappened(UUID id) {}

    /** Fails twice for each event, then handles it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyListener {

        private final ConcurrentHashMap<UUID, Integer> attempts = new ConcurrentHashMap<>();
        private final Set<UUID> handled = ConcurrentHashMap.newKeySet();

        boolean handled(UUID id) {
            return handled.contains(id);
        }

        int failures(UUID id) {
            return attempts.getOrDefault(id, 0) - (handled.contains(id) ? 1 : 0);
        }

        @ApplicationModuleListener
        void on(SomethingHappened event) {
            if (attempts.merge(event.id(), 1, Integer::sum) <= 2) {
                throw new IllegalStateException("failing on purpose");
            }
            handled.add(event.id());
        }
    }
}
