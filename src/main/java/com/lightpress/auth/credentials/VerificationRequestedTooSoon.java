package com.lightpress.auth.credentials;

import java.time.Instant;

/** Another verification email was asked for before the resend interval had passed. */
class VerificationRequestedTooSoon extends Throttled {

    VerificationRequestedTooSoon(Instant retryAfter) {
        super("A verification email was sent moments ago.", retryAfter);
    }
}
