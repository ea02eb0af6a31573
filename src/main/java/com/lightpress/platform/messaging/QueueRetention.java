package com.lightpress.platform.messaging;

import com.lightpress.platform.PlatformSettings;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * How long the queues a process reads (and their dead-letter queues, from which messages can be
 * redriven) keep a message. The inbox must remember an event id at least that long, or a late
 * redrive could process an event twice.
 */
final class QueueRetention {

    private static final Logger LOG = LoggerFactory.getLogger(QueueRetention.class);

    private final SqsAsyncClient client;

    QueueRetention(SqsAsyncClient client) {
        this.client = client;
    }

    Duration longest(List<String> queues, PlatformSettings.Sqs settings) {
        var longest = Duration.ZERO;
        for (var queue : queues) {
            for (var name : List.of(queue, queue + "-dlq")) {
                longest = max(longest, retentionOf(name));
            }
        }
        return longest;
    }

    private Duration retentionOf(String queue) {
        try {
            var url = client.getQueueUrl(request -> request.queueName(queue))
                    .join()
                    .queueUrl();
            var seconds = client.getQueueAttributes(request ->
                            request.queueUrl(url).attributeNames(QueueAttributeName.MESSAGE_RETENTION_PERIOD))
                    .join()
                    .attributes()
                    .get(QueueAttributeName.MESSAGE_RETENTION_PERIOD);
            return seconds == null ? Duration.ZERO : Duration.ofSeconds(Long.parseLong(seconds));
        } catch (RuntimeException e) {
            LOG.warn("Cannot read how long {} keeps messages; the configured inbox retention applies", queue);
            return Duration.ZERO;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
