package com.lightpress.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Checkout idempotency keys repeat for a retry and differ for a different request. */
class IdempotencyKeysTests {

    static final UserId USER = new UserId(UUID.randomUUID());
    static final Instant NOON = Instant.parse("2026-03-01T12:00:05Z");

    @Test
    void retryWithinTheSameMinuteGetsTheSameKey() {
        assertThat(IdempotencyKeys.checkout(USER, "pro", null, NOON))
                .isEqualTo(IdempotencyKeys.checkout(USER, "pro", null, NOON.plusSeconds(40)));
    }

    @Test
    void clientKeyDecidesRegardlessOfTime() {
        assertThat(IdempotencyKeys.checkout(USER, "pro", "abc", NOON))
                .isEqualTo(IdempotencyKeys.checkout(USER, "pro", "abc", NOON.plusSeconds(3_600)))
                .isNotEqualTo(IdempotencyKeys.checkout(USER, "pro", "abd", NOON));
    }

    @Test
    void otherUserPlanOrMinuteGetsAnotherKey() {
        var key = IdempotencyKeys.checkout(USER, "pro", null, NOON);

        assertThat(key)
                .isNotEqualTo(IdempotencyKeys.checkout(new UserId(UUID.randomUUID()), "pro", null, NOON))
                .isNotEqualTo(IdempotencyKeys.checkout(USER, "team", null, NOON))
                .isNotEqualTo(IdempotencyKeys.checkout(USER, "pro", null, NOON.plusSeconds(60)))
                .startsWith("lightpress-checkout-")
                .hasSizeLessThan(255);
    }
}
