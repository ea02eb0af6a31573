package com.lightpress.platform.messaging;

import com.lightpress.platform.PlatformSettings;
import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import io.awspring.cloud.sqs.listener.backpressure.BackPressureHandlerFactories;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
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
 *
 * <p>A failure of the infrastructure (the database is down) must not use up a message's receives:
 * the message is hidden for a delay that doubles with every receive ({@code retry-first-delay} up
 * to {@code retry-max-delay}), and the {@link DatabaseGate} stops taking messages until the
 * database answers again, so an outage of hours costs each message a receive or two.
 */
class InboundEvents implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InboundEvents.class);

    private final SqsAsyncClient client;
    private final SqsTemplate sqs;
    private final EventRouting routing;
    private final EventMessages messages;
    private final EventInbox inbox;
    private final PlatformSettings.Sqs settings;
    private final DatabaseGate gate;
    private final ObservationRegistry observations;
    private final MessageTiming timing;
    private @Nullable SqsMessageListenerContainer<String> container;

    InboundEvents(
            SqsAsyncClient client,
            SqsTemplate sqs,
            EventRouting routing,
            EventMessages messages,
            EventInbox inbox,
            PlatformSettings settings,
            DatabaseGate gate,
            ObservationRegistry observations,
            MeterRegistry meters,
            Clock clock) {
        this.client = client;
        this.sqs = sqs;
        this.routing = routing;
        this.messages = messages;
        this.inbox = inbox;
        this.settings = settings.sqs();
        this.gate = gate;
        this.observations = observations;
        this.timing = new MessageTiming(this.settings, meters, clock);
    }

    @Override
    public synchronized void start() {
        var queues = routing.localModulesListeningToRemoteEvents().stream()
                .map(settings::queueOf)
                .toList();
        if (queues.isEmpty()) {
            return;
        }
        inbox.coverRetentionOf(new QueueRetention(client).longest(queues, settings));
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
                        .pollTimeout(settings.pollTimeout())
                        .maxConcurrentMessages(10)
                        .maxDelayBetweenPolls(Duration.ofSeconds(1))
                        // deletes in batches: a message deleted late comes back, and the inbox drops it
                        .acknowledgementThreshold(10)
                        .acknowledgementInterval(Duration.ofSeconds(1))
                        .backPressureHandlerFactory(BackPressureHandlerFactories.compositeBackPressureHandler(
                                containerOptions -> gate,
                                BackPressureHandlerFactories.concurrencyLimiterBackPressureHandler()))
                        .observationRegistry(observations)
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
        timing.recordLag(queue, headers.get(SqsHeaders.MessageSystemAttributes.SQS_SENT_TIMESTAMP));
        if (!gate.isOpen()) {
            // taken by a poll that began before the gate closed: do not wait for the database
            throw new DatabaseUnreachable(id, timing.hide(message, id));
        }
        try {
            inbox.receive(event.get(), queue);
        } catch (RuntimeException e) {
            if (Failures.isInfrastructure(e)) {
                gate.close();
                var delay = timing.hide(message, id);
                LOG.warn(
                        "Event {} ({}) from {} met an infrastructure failure; it comes back in {}",
                        id,
                        type,
                        queue,
                        delay,
                        e);
            } else {
                LOG.warn(
                        "Event {} ({}) from {} failed; it comes back after the visibility timeout", id, type, queue, e);
            }
            throw e;
        }
    }

    /** A message put back unprocessed because the database is known to be down. */
    static class DatabaseUnreachable extends RuntimeException {

        DatabaseUnreachable(String id, Duration delay) {
            super("The database is unreachable; event " + id + " comes back in " + delay);
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
        attributes.put(DeadLetterQueues.REASON, reason);
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
