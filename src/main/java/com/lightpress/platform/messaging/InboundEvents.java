package com.lightpress.platform.messaging;

import com.lightpress.platform.PlatformSettings;
import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Reads the queues of the local modules that listen to events published in other processes and
 * hands each event to the {@link EventInbox}. A message is deleted only after the inbox transaction
 * committed (the container acknowledges on success); a failure leaves it on the queue to come back
 * after the visibility timeout, and after too many receives SQS moves it to the dead-letter queue.
 * A message of a type or schema version this process does not know goes to the dead-letter queue
 * at once, with the reason, and is logged.
 */
class InboundEvents implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InboundEvents.class);

    private final SqsAsyncClient client;
    private final SqsTemplate sqs;
    private final EventRouting routing;
    private final EventMessages messages;
    private final EventInbox inbox;
    private final PlatformSettings.Sqs settings;
    private @Nullable SqsMessageListenerContainer<String> container;

    InboundEvents(
            SqsAsyncClient client,
            SqsTemplate sqs,
            EventRouting routing,
            EventMessages messages,
            EventInbox inbox,
            PlatformSettings settings) {
        this.client = client;
        this.sqs = sqs;
        this.routing = routing;
        this.messages = messages;
        this.inbox = inbox;
        this.settings = settings.sqs();
    }

    @Override
    public synchronized void start() {
        var queues = routing.localModulesListeningToRemoteEvents().stream()
                .map(settings::queueOf)
                .toList();
        if (queues.isEmpty()) {
            return;
        }
        container = containerFor(queues);
        container.start();
        LOG.info("Receiving events from {}", queues);
    }

    /** A container that hands every message of the given queues to {@link #receive}. */
    SqsMessageListenerContainer<String> containerFor(List<String> queues) {
        return SqsMessageListenerContainer.<String>builder()
                .sqsAsyncClient(client)
                .queueNames(queues)
                .messageListener(this::receive)
                .configure(options -> options.queueNotFoundStrategy(QueueNotFoundStrategy.FAIL)
                        .pollTimeout(Duration.ofSeconds(5))
                        .maxConcurrentMessages(10)
                        .listenerShutdownTimeout(Duration.ofSeconds(10)))
                .build();
    }

    @Override
    public synchronized void stop() {
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return container != null && container.isRunning();
    }

    void receive(Message<String> message) {
        var headers = message.getHeaders();
        var queue = String.valueOf(headers.get(SqsHeaders.SQS_QUEUE_NAME_HEADER));
        var type = String.valueOf(headers.get(EventMessages.TYPE));
        var id = String.valueOf(headers.get(EventMessages.ID));
        var event = messages.read(type, String.valueOf(headers.get(EventMessages.VERSION)), message.getPayload());
        if (event.isEmpty() || !routing.hasLocalListener(type)) {
            deadLetter(queue, message, event.isEmpty() ? "unknown type or schema version" : "no local listener");
            return;
        }
        try {
            inbox.receive(event.get(), queue);
        } catch (RuntimeException e) {
            LOG.warn("Event {} ({}) from {} failed; it comes back after the visibility timeout", id, type, queue, e);
            throw e;
        }
    }

    private void deadLetter(String queue, Message<String> message, String reason) {
        var attributes = new HashMap<String, Object>();
        for (var name : new String[] {EventMessages.TYPE, EventMessages.ID, EventMessages.VERSION}) {
            var value = message.getHeaders().get(name);
            if (value != null) {
                attributes.put(name, value.toString());
            }
        }
        attributes.put("lightpress-dead-letter-reason", reason);
        var deadLetters = queue + "-dlq";
        sqs.send(to -> to.queue(deadLetters).payload(message.getPayload()).headers(attributes));
        LOG.error(
                "Moved message {} of type {} from {} to {}: {}",
                attributes.get(EventMessages.ID),
                attributes.get(EventMessages.TYPE),
                queue,
                deadLetters,
                reason);
    }
}
