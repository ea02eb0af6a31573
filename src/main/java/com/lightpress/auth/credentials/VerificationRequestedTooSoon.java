package com.lightpress.auth.credentials;

import java.time.Instant;

/** Another verification email was asked for before the resend interval had passed. */
public class VerificationRequestedTooSoon extends RuntimeException {

    private final Instant retryAfter;

    VerificationRequestedTooSoon(Instant retryAfter) {
        super("A verification email was sent moments ago.");
        this.retryAfter = retryAfter;
    }

    public Instant retryAfter() {
        return retryAfter;
    }
}
