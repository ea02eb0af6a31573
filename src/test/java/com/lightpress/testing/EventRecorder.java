package com.lightpress.testing;

import com.lightpress.platform.DomainEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
}
