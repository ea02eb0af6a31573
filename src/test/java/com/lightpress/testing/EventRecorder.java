package com.lightpress.testing;

import static org.awaitility.Awaitility.await;

import com.lightpress.platform.DomainEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * Records every domain event the application publishes, from whatever thread, so full-application
 * tests driven over HTTP can assert what was published.
 */
@TestComponent
public class EventRecorder {

    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void record(DomainEvent event) {
        events.add(event);
    }

    public <T extends DomainEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits for an event of the type that matches, published by a listener running after the request. */
    public <T extends DomainEvent> T awaitOne(Class<T> type, Predicate<T> matching) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> all(type).stream().filter(matching).findFirst(), Optional::isPresent)
                .orElseThrow();
    }
}
