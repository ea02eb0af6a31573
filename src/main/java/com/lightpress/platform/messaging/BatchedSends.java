package com.lightpress.platform.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.batchmanager.SqsAsyncBatchManager;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * Sends of the events' {@code SqsTemplate} in batches: a send waits up to a short window for
 * others to the same queue and leaves with them, up to ten in one {@code SendMessageBatch}, through
 * the SDK's batch manager. Each send still succeeds or fails on its own (a batch can fail in part),
 * so an event whose entry failed stays incomplete and is sent again later. Closing sends what is
 * still waiting.
 */
class BatchedSends implements AutoCloseable {

    private final SqsAsyncClient client;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        var thread = new Thread(task, "sqs-send-batches");
        thread.setDaemon(true);
        return thread;
    });
    private final SqsAsyncBatchManager batches;

    BatchedSends(SqsAsyncClient client, Duration window) {
        this.client = client;
        this.batches = SqsAsyncBatchManager.builder()
                .client(client)
                .scheduledExecutor(timer)
                .overrideConfiguration(batch -> batch.maxBatchSize(10).sendRequestFrequency(window))
                .build();
    }

    /**
     * A client for the template: sends go through the batches; the queue look-ups of its
     * queue-not-found check go to the client directly. It offers nothing else.
     */
    SqsAsyncClient client() {
        return new SqsAsyncClient() {

            @Override
            public CompletableFuture<SendMessageResponse> sendMessage(SendMessageRequest request) {
                return batches.sendMessage(request);
            }

            @Override
            public CompletableFuture<GetQueueUrlResponse> getQueueUrl(GetQueueUrlRequest request) {
                return client.getQueueUrl(request);
            }

            @Override
            public CompletableFuture<GetQueueAttributesResponse> getQueueAttributes(GetQueueAttributesRequest request) {
                return client.getQueueAttributes(request);
            }

            @Override
            public CompletableFuture<GetQueueAttributesResponse> getQueueAttributes(
                    Consumer<GetQueueAttributesRequest.Builder> request) {
                return client.getQueueAttributes(request);
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
                // the shared client and the batches are closed by their owners
            }
        };
    }

    @Override
    public void close() {
        batches.close();
        timer.shutdown();
    }
}
