package com.lightpress.platform.messaging;

import com.lightpress.platform.PlatformSettings;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.Visibility;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;

/**
 * The timing of inbound messages: how long one waited in its queue (the meter {@code
 * lightpress.queue.lag}, per module), and how long one that met an infrastructure failure stays
 * hidden before it comes back, doubling with each receive so few receives cover a long outage.
 * That delay is never shorter than a long poll ({@code poll-timeout}) and a second,
 * whatever the settings and the jitter: a poll under way when the database failed must not take
 * the same message again and use up another of its receives.
 */
final class MessageTiming {

    private final PlatformSettings.Sqs settings;
    private final MeterRegistry meters;
    private final Clock clock;

    MessageTiming(PlatformSettings.Sqs settings, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /** Hides the message for the backoff of its receive count; answers the delay. */
    Duration hide(Message<String> message, String id) {
        var receives = Integer.parseInt(String.valueOf(message.getHeaders()
                .getOrDefault(SqsHeaders.MessageSystemAttributes.SQS_APPROXIMATE_RECEIVE_COUNT, "1")));
        var delay = settings.retryBackoff().delayAfter(receives, id);
        var shortest = settings.pollTimeout().toSeconds() + 1;
        var seconds = (int) Math.min(
                Visibility.MAX_VISIBILITY_TIMEOUT_SECONDS,
                Math.max(shortest, delay.plusMillis(999).toSeconds()));
        var visibility = message.getHeaders().get(SqsHeaders.SQS_VISIBILITY_TIMEOUT_HEADER, Visibility.class);
        if (visibility != null) {
            visibility.changeTo(seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** Records how long the event waited in the queue before this process took it. */
    void recordLag(String queue, @Nullable Object sentTimestamp) {
        if (sentTimestamp == null) {
            return;
        }
        var lag = Duration.ofMillis(clock.millis() - Long.parseLong(sentTimestamp.toString()));
        var module = queue.startsWith(settings.queuePrefix())
                ? queue.substring(settings.queuePrefix().length())
                : queue;
        Timer.builder("lightpress.queue.lag")
                .description("Time an event waited in a module's queue before it was taken")
                .tag("queue", module)
                .register(meters)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }
}
