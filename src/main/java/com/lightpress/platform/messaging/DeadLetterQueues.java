package com.lightpress.platform.messaging;

import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.modules.ModuleActivation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Every module's queue and dead-letter queue as an admin sees them, and the redrive of a module's
 * dead-letter queue: each message is sent back to the module's queue, with its body and
 * attributes, and deleted from the dead-letter queue only after that send. A message redriven
 * twice (a send whose delete failed) is dropped by the receiving inbox, so a redrive processes each
 * event once.
 */
public class DeadLetterQueues {

    static final String REASON = "lightpress-dead-letter-reason";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterQueues.class);
    private static final int MAX_PER_REDRIVE = 10_000;

    private final SqsAsyncClient client;
    private final PlatformSettings.Sqs settings;

    DeadLetterQueues(SqsAsyncClient client, PlatformSettings settings) {
        this.client = client;
        this.settings = settings.sqs();
    }

    public List<QueueState> states() {
        return ModuleActivation.MODULES.stream().map(this::state).toList();
    }

    /** Moves the module's dead letters back to its queue; answers how many were moved. */
    public int redrive(String module) {
        var source = url(settings.deadLetterQueueOf(module));
        var target = url(settings.queueOf(module));
        var moved = 0;
        while (moved < MAX_PER_REDRIVE) {
            var batch = client.receiveMessage(request -> request.queueUrl(source)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .visibilityTimeout(60)
                            .messageAttributeNames("All"))
                    .join()
                    .messages();
            if (batch.isEmpty()) {
                break;
            }
            for (var message : batch) {
                moveOne(message, source, target);
                moved++;
            }
        }
        LOG.info(
                "Redrove {} messages from {} to {}",
                moved,
                settings.deadLetterQueueOf(module),
                settings.queueOf(module));
        return moved;
    }

    private void moveOne(Message message, String source, String target) {
        var attributes = new HashMap<String, MessageAttributeValue>(message.messageAttributes());
        attributes.remove(REASON);
        client.sendMessage(request ->
                        request.queueUrl(target).messageBody(message.body()).messageAttributes(attributes))
                .join();
        client.deleteMessage(request -> request.queueUrl(source).receiptHandle(message.receiptHandle()))
                .join();
    }

    private QueueState state(String module) {
        try {
            var queue = counts(url(settings.queueOf(module)));
            var deadLetters = counts(url(settings.deadLetterQueueOf(module)));
            return new QueueState(
                    module,
                    settings.queueOf(module),
                    queue.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, 0),
                    queue.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, 0),
                    deadLetters.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, 0),
                    true);
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof QueueDoesNotExistException)) {
                throw e;
            }
            return new QueueState(module, settings.queueOf(module), 0, 0, 0, false);
        }
    }

    private Map<QueueAttributeName, Integer> counts(String url) {
        var result = new HashMap<QueueAttributeName, Integer>();
        client.getQueueAttributes(request -> request.queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .join()
                .attributes()
                .forEach((name, value) -> result.put(name, Integer.parseInt(value)));
        return result;
    }

    private String url(String queue) {
        return client.getQueueUrl(request -> request.queueName(queue)).join().queueUrl();
    }

    /**
     * A module's queue: messages waiting, messages being processed, and messages in its
     * dead-letter queue.
     */
    public record QueueState(String module, String queue, int waiting, int inFlight, int deadLetters, boolean exists) {}
}
