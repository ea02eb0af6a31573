package com.lightpress.notifications.config;

import com.lightpress.platform.Backoff;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notifications module.
 *
 * @param from the sender of every email, as an address with an optional display name
 * @param retry how an email that SMTP did not take is tried again before it is given up and left
 *     to an admin
 * @param unsubscribeSecret the key that signs unsubscribe links (HMAC-SHA256); without it each
 *     process makes up its own, and links stop working when it restarts
 * @param sendLease how long a delivery being sent belongs to its sender; after that another attempt
 *     may take it over. It must exceed the longest SMTP conversation (see the mail timeouts)
 * @param deferredInterval how often email that is due is looked for: held back by quiet hours, or
 *     waiting for its next attempt
 * @param stream the Server-Sent Events stream of new notifications
 */
@ConfigurationProperties("lightpress.notifications")
public record NotificationsSettings(
        @DefaultValue("Lightpress <no-reply@lightpress.local>")
        String from,

        @DefaultValue Retry retry,
        @Nullable String unsubscribeSecret,
        @DefaultValue("2m") Duration sendLease,
        @DefaultValue("60s") Duration deferredInterval,
        @DefaultValue Stream stream) {

    /**
     * @param firstDelay the wait after the first failed attempt; it doubles after each failure
     * @param maxDelay the longest wait between two attempts
     * @param giveUpAfter how long an email is tried before it is marked failed (a dead letter an
     *     admin can replay); at least a day, so a long SMTP outage loses nothing
     */
    public record Retry(
            @DefaultValue("30s") Duration firstDelay,
            @DefaultValue("30m") Duration maxDelay,
            @DefaultValue("24h") Duration giveUpAfter) {

        public Backoff backoff() {
            return new Backoff(firstDelay, 2, maxDelay, 0.2);
        }
    }

    /**
     * @param heartbeat how often an idle stream gets a comment, so proxies keep it open and dead
     *     clients are noticed
     * @param timeout how long one stream stays open; the client then reconnects
     * @param replayLimit at most this many missed notifications are sent to a client that
     *     reconnects with {@code Last-Event-ID}
     * @param perUser how many streams one user may hold open in one process (tabs, devices)
     */
    public record Stream(
            @DefaultValue("20s") Duration heartbeat,
            @DefaultValue("30m") Duration timeout,
            @DefaultValue("50") int replayLimit,
            @DefaultValue("10") int perUser) {}
}
