package com.lightpress.auth.credentials;

import java.time.Instant;

/** A request refused because it came too soon or too often; it may be made again after a time. */
public abstract class Throttled extends RuntimeException {

    private final Instant retryAfter;

    protected Throttled(String message, Instant retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Instant retryAfter() {
        return retryAfter;
    }
}
