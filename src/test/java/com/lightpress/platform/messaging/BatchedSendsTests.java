package com.lightpress.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.EmbeddedServers;
import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Events sent at once leave in a few batch requests, against the embedded SQS server. */
class BatchedSendsTests {

    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final SqsAsyncClient client = SqsAsyncClient.builder()
            .endpointOverride(URI.create(EmbeddedServers.shared().sqsEndpoint()))
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    var operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
                    requests.computeIfAbsent(operation, name -> new AtomicInteger())
                            .incrementAndGet();
                }
            }))
            .build();
    private final BatchedSends sends = new BatchedSends(client, Duration.ofMillis(200));

    @AfterEach
    void close() {
        sends.close();
        client.close();
    }

    @Test
    void sendsMadeTogetherLeaveTenToARequestAndEachArrives() {
        var queue = "batched-" + UUID.randomUUID();
        client.createQueue(create -> create.queueName(queue)).join();
        var template = SqsTemplate.builder()
                .sqsAsyncClient(sends.client())
                .configure(options -> options.queueNotFoundStrategy(QueueNotFoundStrategy.FAIL))
                .build();

        var sent = new ArrayList<CompletableFuture<?>>();
        for (int i = 0; i < 30; i++) {
            var body = "event " + i;
            sent.add(template.sendAsync(to -> to.queue(queue).payload(body)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();

        assertThat(requests.get("SendMessage")).isNull();
        assertThat(requests.get("SendMessageBatch").get()).isBetween(3, 6);
        var url = client.getQueueUrl(get -> get.queueName(queue)).join().queueUrl();
        var received = new ArrayList<String>();
        while (received.size() < 30) {
            var batch = client.receiveMessage(
                            from -> from.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .join()
                    .messages();
            assertThat(batch).as("messages left on the queue").isNotEmpty();
            batch.forEach(message -> received.add(message.body()));
        }
        assertThat(received).hasSize(30).doesNotHaveDuplicates().contains("event 0", "event 29");
    }
}
