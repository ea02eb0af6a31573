package com.lightpress.platform;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform itself.
 *
 * @param schema the schema that holds this process's own state (event publications, inbox); each
 *     process of a split deployment needs its own so one never resubmits another's publications
 * @param publicUrl where clients reach Lightpress; the issuer of its tokens and the base of links
 *     in emails
 * @param events how incomplete event publications are retried
 * @param sqs how events travel to modules that run in other processes
 */
@ConfigurationProperties("lightpress.platform")
public record PlatformSettings(
        @DefaultValue("lightpress") String schema,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue Events events,
        @DefaultValue Sqs sqs) {

    /**
     * The schema of state that belongs to no single process: the history of the module
     * changelogs, the inbox of events taken in by modules, and the processes that are running.
     */
    public static final String SHARED_SCHEMA = "lightpress_shared";

    /**
     * @param resubmitInterval how often incomplete publications are looked for
     * @param resubmitAfter how old an incomplete publication must be before it is resubmitted, so
     *     that work still in progress is not started twice
     */
    public record Events(
            @DefaultValue("60s") Duration resubmitInterval,
            @DefaultValue("60s") Duration resubmitAfter) {}

    /**
     * @param queuePrefix queue names are this prefix plus the consuming module's name
     * @param createQueues create the queues (with their dead-letter queues) at start; for local
     *     and development use, production queues come from CloudFormation
     * @param maxReceiveCount receives after which a message that keeps failing moves to the
     *     dead-letter queue (used when this process creates the queues)
     * @param visibilityTimeout how long a received message stays invisible to other consumers
     *     before it comes back, if it was not processed (used when this process creates the queues)
     * @param inboxRetention how long received event ids are kept to recognise redeliveries
     */
    public record Sqs(
            @DefaultValue("lightpress-") String queuePrefix,
            @DefaultValue("false") boolean createQueues,
            @DefaultValue("5") int maxReceiveCount,
            @DefaultValue("30s") Duration visibilityTimeout,
            @DefaultValue("7d") Duration inboxRetention) {

        public String queueOf(String module) {
            return queuePrefix + module;
        }

        public String deadLetterQueueOf(String module) {
            return queueOf(module) + "-dlq";
        }
    }
}
