package com.lightpress.extraction;

import com.lightpress.platform.DomainEvent;
import com.lightpress.testing.SplitDeployment;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;

/** What the SQS server says about a split deployment's queues. */
final class Queues {

    private final SplitDeployment deployment;

    Queues(SplitDeployment deployment) {
        this.deployment = deployment;
    }

    int waiting(String queue) {
        return Integer.parseInt(attribute(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    /** Puts an event on a queue as a publishing process would. */
    void send(String queue, DomainEvent event, Map<String, String> extraAttributes) {
        var attributes = new HashMap<String, MessageAttributeValue>();
        attributes.put("lightpress-event-type", text(event.getClass().getName()));
        attributes.put("lightpress-event-id", text(event.eventId().toString()));
        attributes.put("lightpress-schema-version", text("1"));
        extraAttributes.forEach((name, value) -> attributes.put(name, text(value)));
        var body = JsonMapper.builder().build().writeValueAsString(event);
        client().sendMessage(request ->
                        request.queueUrl(url(queue)).messageBody(body).messageAttributes(attributes))
                .join();
    }

    String url(String queue) {
        return client().getQueueUrl(request -> request.queueName(deployment.queueOf(queue)))
                .join()
                .queueUrl();
    }

    SqsAsyncClient client() {
        return deployment.main().bean(SqsAsyncClient.class);
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    private String attribute(String queue, QueueAttributeName name) {
        return client().getQueueAttributes(
                        request -> request.queueUrl(url(queue)).attributeNames(name))
                .join()
                .attributes()
                .get(name);
    }
}
