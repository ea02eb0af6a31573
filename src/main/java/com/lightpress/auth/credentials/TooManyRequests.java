package com.lightpress.auth.credentials;

import java.time.Instant;

/** One client address asked for more sign-ups or password resets than its window allows. */
class TooManyRequests extends Throttled {

    TooManyRequests(Instant retryAfter) {
        super("Too many requests from your network. Try again later.", retryAfter);
    }
}
