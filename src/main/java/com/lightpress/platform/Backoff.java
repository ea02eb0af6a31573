package com.lightpress.platform;

import java.time.Duration;

/**
 * Exponential backoff with jitter, the one retry schedule every side effect uses (email, event
 * listeners, SQS messages, remote calls): the delay before attempt {@code n + 1} is {@code initial
 * * multiplier^n}, capped at {@code max}, spread by up to {@code jitter} either way. The jitter is
 * derived from a key (a delivery or publication id), so the same attempt of the same work always
 * gets the same delay on every instance and many failures that started together do not retry
 * together.
 *
 * @param jitter the share of the delay it may move up or down, between 0 and 1
 */
public record Backoff(Duration initial, double multiplier, Duration max, double jitter) {

    public Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0 || multiplier < 1 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("A backoff needs 0 <= initial <= max, multiplier >= 1, 0 <= jitter < 1");
        }
    }

    /**
     * The delay after the given number of failed attempts (1 for the first failure).
     *
     * @param key what is retried; the same key and attempt always get the same delay
     */
    public Duration delayAfter(int failures, Object key) {
        var exponent = Math.max(0, failures - 1);
        var capped = Math.min((double) max.toMillis(), initial.toMillis() * Math.pow(multiplier, exponent));
        var spread = 1 + jitter * (2 * unitFraction(key, failures) - 1);
        return Duration.ofMillis(Math.round(Math.min(max.toMillis(), capped * spread)));
    }

    /** A number from 0 up to (not including) 1 that depends only on the key and the attempt. */
    private static double unitFraction(Object key, int attempt) {
        long mixed = key.hashCode() * 0x9E3779B97F4A7C15L + attempt * 0xC2B2AE3D27D4EB4FL;
        mixed ^= mixed >>> 31;
        mixed *= 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 29;
        return (mixed >>> 11) / (double) (1L << 53);
    }
}
