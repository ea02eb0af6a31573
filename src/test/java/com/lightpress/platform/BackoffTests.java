package com.lightpress.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTests {

    Backoff backoff = new Backoff(Duration.ofSeconds(30), 2, Duration.ofMinutes(30), 0.2);

    @Test
    void delayDoublesAfterEachFailureWithinTheJitter() {
        var key = UUID.randomUUID();

        for (int failures = 1; failures <= 6; failures++) {
            var nominal = 30_000L << (failures - 1);
            assertThat(backoff.delayAfter(failures, key).toMillis()).isBetween(nominal * 8 / 10, nominal * 12 / 10);
        }
    }

    @Test
    void delayNeverExceedsTheCap() {
        var key = UUID.randomUUID();

        assertThat(IntStream.rangeClosed(1, 200).mapToObj(failures -> backoff.delayAfter(failures, key)))
                .allSatisfy(delay -> assertThat(delay).isLessThanOrEqualTo(Duration.ofMinutes(30)));
        assertThat(backoff.delayAfter(200, key)).isGreaterThanOrEqualTo(Duration.ofMinutes(24));
    }

    @Test
    void sameKeyAndAttemptGiveTheSameDelayAndDifferentKeysSpreadOut() {
        var key = UUID.randomUUID();

        assertThat(backoff.delayAfter(3, key)).isEqualTo(backoff.delayAfter(3, key));
        var distinct = IntStream.range(0, 50)
                .mapToObj(i -> backoff.delayAfter(3, UUID.randomUUID()))
                .distinct()
                .count();
        assertThat(distinct).isGreaterThan(40);
    }

    @Test
    void refusesSchedulesThatCannotWork() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(5), 2, Duration.ofMinutes(1), 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 0.5, Duration.ofMinutes(1), 0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
