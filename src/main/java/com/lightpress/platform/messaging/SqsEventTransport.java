package com.lightpress.platform.messaging;

import com.lightpress.platform.DomainEvent;
import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.modules.ModuleActivation;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizationTransport;

/**
 * Sends an externalized event to every queue its routing target names. A module that runs in this
 * process by now (it was folded back since the event was published) gets the event from the
 * inbox directly instead. The publication completes only when every delivery succeeded; a failed
 * one leaves it incomplete, it is delivered again later, and the inbox drops the copies that had
 * already arrived.
 */
class SqsEventTransport implements EventExternalizationTransport {

    private final SqsTemplate sqs;
    private final EventMessages messages;
    private final EventInbox inbox;
    private final EventTargets targets;
    private final ModuleActivation activation;
    private final PlatformSettings.Sqs settings;

    SqsEventTransport(
            SqsTemplate sqs,
            EventMessages messages,
            EventInbox inbox,
            EventTargets targets,
            ModuleActivation activation,
            PlatformSettings settings) {
        this.sqs = sqs;
        this.messages = messages;
        this.inbox = inbox;
        this.targets = targets;
        this.activation = activation;
        this.settings = settings.sqs();
    }

    @Override
    public CompletableFuture<?> externalize(Object event, RoutingTarget target) {
        var body = messages.body(event);
        var attributes = messages.attributes(event);
        var deliveries = Arrays.stream(target.getTarget().split(","))
                .map(queue -> isLocal(queue) && event instanceof DomainEvent domain
                        ? CompletableFuture.runAsync(() -> inbox.receive(domain, queue), Runnable::run)
                        : sqs.sendAsync(to -> to.queue(queue).payload(body).headers(attributes)))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(deliveries).thenRun(() -> targets.forget(event));
    }

    private boolean isLocal(String queue) {
        return activation.isLocal(queue.substring(settings.queuePrefix().length()));
    }
}
