package com.lightpress.platform.messaging;

import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.modules.ModuleActivation;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates every module's queue and its dead-letter queue at start, when configured to (local runs,
 * development, tests). In AWS the queues come from CloudFormation with the same names and policy.
 */
class QueueProvisioning implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(QueueProvisioning.class);

    private final SqsAsyncClient sqs;
    private final PlatformSettings.Sqs settings;

    QueueProvisioning(SqsAsyncClient sqs, PlatformSettings settings) {
        this.sqs = sqs;
        this.settings = settings.sqs();
    }

    @Override
    public void afterPropertiesSet() {
        if (!settings.createQueues()) {
            return;
        }
        ModuleActivation.MODULES.forEach(this::create);
        LOG.info("Queues ready: {}{{}}", settings.queuePrefix(), String.join(",", ModuleActivation.MODULES));
    }

    private void create(String module) {
        var deadLetters = sqs.createQueue(queue -> queue.queueName(settings.deadLetterQueueOf(module)))
                .join()
                .queueUrl();
        var deadLetterArn = sqs.getQueueAttributes(
                        request -> request.queueUrl(deadLetters).attributeNames(QueueAttributeName.QUEUE_ARN))
                .join()
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        var redrive = "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":\"%d\"}"
                .formatted(deadLetterArn, settings.maxReceiveCount());
        sqs.createQueue(queue -> queue.queueName(settings.queueOf(module))
                        .attributes(Map.of(
                                QueueAttributeName.REDRIVE_POLICY,
                                redrive,
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                String.valueOf(settings.visibilityTimeout().toSeconds()))))
                .join();
    }
}
