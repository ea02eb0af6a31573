package com.lightpress.platform.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event publication whose listener kept failing until Lightpress gave up on it.
 *
 * @param id the publication's id, kept when it is replayed
 * @param listenerId the listener that failed (class and method)
 * @param event the event as the registry serialized it
 * @param attempts how often the listener ran
 * @param replayedAt when an admin replayed it; null while it waits
 */
public record DeadLetter(
        UUID id,
        String listenerId,
        String eventType,
        String event,
        Instant publishedAt,
        int attempts,
        Instant deadAt,
        @Nullable Instant replayedAt) {}
