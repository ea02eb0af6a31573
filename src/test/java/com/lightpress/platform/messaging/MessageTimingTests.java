package com.lightpress.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.platform.PlatformSettings;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;

class MessageTimingTests {

    static final Duration POLL_TIMEOUT = Duration.ofSeconds(5);

    static MessageTiming timing(Duration firstDelay, Duration maxDelay) {
        var sqs = new PlatformSettings.Sqs(
                "lightpress-",
                false,
                2,
                Duration.ofSeconds(2),
                Duration.ofDays(15),
                firstDelay,
                maxDelay,
                Duration.ofMillis(10),
                20,
                POLL_TIMEOUT);
        return new MessageTiming(sqs, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    static Duration hide(MessageTiming timing, int receives) {
        var message = MessageBuilder.withPayload("{}")
                .copyHeaders(Map.of(
                        SqsHeaders.MessageSystemAttributes.SQS_APPROXIMATE_RECEIVE_COUNT, String.valueOf(receives)))
                .build();
        return timing.hide(message, UUID.randomUUID().toString());
    }

    @Test
    void aMessageIsNeverHiddenForLessThanALongPollSoThePollUnderWayCannotTakeItAgain() {
        var impatient = timing(Duration.ofSeconds(6), Duration.ofSeconds(12));
        var delays = IntStream.range(0, 200).mapToObj(i -> hide(impatient, 1)).toList();
        assertThat(delays)
                .allSatisfy(delay ->
                        assertThat(delay).isGreaterThan(POLL_TIMEOUT).isLessThanOrEqualTo(Duration.ofSeconds(12)));
        assertThat(hide(timing(Duration.ofMillis(100), Duration.ofSeconds(1)), 1))
                .isEqualTo(POLL_TIMEOUT.plusSeconds(1));
    }

    @Test
    void theDelayDoublesWithEachReceiveUpToTheLongestSqsAllows() {
        var patient = timing(Duration.ofSeconds(30), Duration.ofDays(1));
        assertThat(hide(patient, 1)).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
        assertThat(hide(patient, 3)).isBetween(Duration.ofSeconds(96), Duration.ofSeconds(144));
        assertThat(hide(patient, 30)).isEqualTo(Duration.ofHours(12));
    }
}
