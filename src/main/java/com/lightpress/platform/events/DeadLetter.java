package com.lightpress.platform.events;

import io.swagger.v3.oas.annotations.media.Schema;
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

        @Schema(example = "com.lightpress.notifications.reactions.Notifier.on(com.lightpress.billing.InvoicePaid)")
        String listenerId,

        @Schema(example = "com.lightpress.billing.InvoicePaid")
        String eventType,

        @Schema(
                description = "The event as JSON text",
                example = "{\"user\":\"6f1c2b7e-3d4a-4f5b-9c8d-0e1f2a3b4c5d\",\"invoiceId\":\"in_1QfXk2LkdIwHu7ix\"}")
        String event,

        Instant publishedAt,
        @Schema(example = "12") int attempts,
        Instant deadAt,
        @Nullable Instant replayedAt) {}
