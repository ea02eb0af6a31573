package com.lightpress.platform;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the platform itself.
 *
 * @param schema the schema that holds this process's own state (event publications, inbox); each
 *     process of a split deployment needs its own so one never resubmits another's publications
 * @param publicUrl where clients reach Lightpress; the issuer of its tokens and the base of links
 *     in emails
 * @param events how incomplete event publications are retried
 * @param sqs how events travel to modules that run in other processes
 * @param maxRequestBody the largest request body any endpoint accepts; larger ones are answered 413
 */
@ConfigurationProperties("lightpress.platform")
public record PlatformSettings(
        @DefaultValue("lightpress") String schema,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue Events events,
        @DefaultValue Sqs sqs,
        @DefaultValue("1MB") DataSize maxRequestBody) {

    /** An absolute URL of Lightpress for links and redirects: the public URL followed by the path. */
    public String link(String path) {
        return withoutTrailingSlash(publicUrl.toString()) + path;
    }

    /** A base URL as configured, with or without a trailing slash, ready for a path to follow. */
    public static String withoutTrailingSlash(String url) {
        return url.replaceAll("/+$", "");
    }

    /**
     * The audience of access tokens for Lightpress's own APIs (RFC 9068): tokens meant for anything
     * else, ID tokens included, are refused by every module.
     */
    public String apiAudience() {
        return link("/api");
    }

    /**
     * The schema of state that belongs to no single process: the history of the module
     * changelogs, the inbox of events taken in by modules, and the processes that are running.
     */
    public static final String SHARED_SCHEMA = "lightpress_shared";

    /**
     * @param resubmitInterval how often incomplete publications are looked for
     * @param resubmitAfter how old an incomplete publication must be before it is resubmitted, so
     *     that work still in progress is not started twice; also the first delay of the backoff,
     *     which doubles after each failure
     * @param maxDelay the longest the backoff waits between two attempts
     * @param deadLetterAfter how long after its publication an incomplete publication is given up
     *     and becomes a dead letter that an admin can replay
     */
    public record Events(
            @DefaultValue("60s") Duration resubmitInterval,
            @DefaultValue("60s") Duration resubmitAfter,
            @DefaultValue("1h") Duration maxDelay,
            @DefaultValue("24h") Duration deadLetterAfter) {

        /** The retry schedule of failed listeners. */
        public Backoff backoff() {
            return new Backoff(resubmitAfter, 2, maxDelay.compareTo(resubmitAfter) < 0 ? resubmitAfter : maxDelay, 0.2);
        }
    }

    /**
     * @param queuePrefix queue names are this prefix plus the consuming module's name
     * @param createQueues create the queues (with their dead-letter queues) at start; for local
     *     and development use, production queues come from CloudFormation
     * @param maxReceiveCount receives after which a message that keeps failing moves to the
     *     dead-letter queue (used when this process creates the queues)
     * @param visibilityTimeout how long a received message stays invisible to other consumers
     *     before it comes back, if it was not processed (used when this process creates the queues)
     * @param inboxRetention how long received event ids are kept to recognise redeliveries; at
     *     least as long as a queue or dead-letter queue keeps a message (SQS: 14 days at most), and
     *     extended at start if a queue keeps them longer
     * @param retryFirstDelay how long a message whose processing failed for want of the database
     *     stays invisible the first time; the delay doubles with each receive. It is never shorter
     *     than the listener's poll timeout and a second, so a poll under way when the database
     *     failed cannot take the same message again
     * @param retryMaxDelay the longest a message is kept invisible after such a failure (SQS
     *     allows 12 hours)
     * @param sendBatchWindow how long an outgoing event waits for others to the same queue, to
     *     leave with them in one request (up to ten)
     * @param sendThreads how many events may be on their way to SQS at once; each holds a thread
     *     of the externalizer's own until SQS answered
     * @param pollTimeout how long one receive waits for messages (an SQS long poll, at most 20
     *     s); a stopping process waits for the one under way
     */
    public record Sqs(
            @DefaultValue("lightpress-") String queuePrefix,
            @DefaultValue("false") boolean createQueues,
            @DefaultValue("5") int maxReceiveCount,
            @DefaultValue("30s") Duration visibilityTimeout,
            @DefaultValue("15d") Duration inboxRetention,
            @DefaultValue("30s") Duration retryFirstDelay,
            @DefaultValue("2h") Duration retryMaxDelay,
            @DefaultValue("10ms") Duration sendBatchWindow,
            @DefaultValue("20") int sendThreads,
            @DefaultValue("5s") Duration pollTimeout) {

        /** The schedule on which a message that met an infrastructure failure comes back. */
        public Backoff retryBackoff() {
            return new Backoff(retryFirstDelay, 2, retryMaxDelay, 0.2);
        }

        public String queueOf(String module) {
            return queuePrefix + module;
        }

        public String deadLetterQueueOf(String module) {
            return queueOf(module) + "-dlq";
        }
    }
}
