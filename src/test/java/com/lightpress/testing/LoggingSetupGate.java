package com.lightpress.testing;

import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;

/**
 * Lets one Lightpress process of this JVM at a time set up logging, from the start of its run
 * until its environment is prepared. Spring Boot resets the JVM's one Logback context there, and
 * two processes started at the same time ({@link Deployment#startTogether}) would otherwise reset
 * it under each other's feet (a ConcurrentModificationException inside Logback). The rest of the
 * start runs in parallel.
 */
final class LoggingSetupGate implements SmartApplicationListener {

    private static final ReentrantLock LOCK = new ReentrantLock();

    private final boolean enter;

    private LoggingSetupGate(boolean enter) {
        this.enter = enter;
    }

    /** The listener that closes the gate before Boot's logging listener, and the one that opens it. */
    static ApplicationListener<?>[] around() {
        return new ApplicationListener<?>[] {new LoggingSetupGate(true), new LoggingSetupGate(false)};
    }

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
        return enter
                ? ApplicationStartingEvent.class.isAssignableFrom(type)
                : ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                        || ApplicationFailedEvent.class.isAssignableFrom(type);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (enter) {
            LOCK.lock();
        } else if (LOCK.isHeldByCurrentThread()) {
            LOCK.unlock();
        }
    }

    @Override
    public int getOrder() {
        return enter ? Ordered.HIGHEST_PRECEDENCE : Ordered.LOWEST_PRECEDENCE;
    }
}
