package com.lightpress.platform.messaging;

import io.awspring.cloud.sqs.operations.SqsTemplate;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizationTransport;

/**
 * Sends an externalized event to every queue its routing target names. The publication completes
 * only when every send succeeded; a failed send leaves it incomplete, it is sent again later, and
 * the receivers' inboxes drop the copies that had already arrived.
 */
class SqsEventTransport implements EventExternalizationTransport {

    private final SqsTemplate sqs;
    private final EventMessages messages;

    SqsEventTransport(SqsTemplate sqs, EventMessages messages) {
        this.sqs = sqs;
        this.messages = messages;
    }

    @Override
    public CompletableFuture<?> externalize(Object event, RoutingTarget target) {
        var body = messages.body(event);
        var attributes = messages.attributes(event);
        var sends = Arrays.stream(target.getTarget().split(","))
                .map(queue -> sqs.sendAsync(to -> to.queue(queue).payload(body).headers(attributes)))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends);
    }
}
