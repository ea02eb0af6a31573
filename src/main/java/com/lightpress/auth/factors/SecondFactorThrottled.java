package com.lightpress.auth.factors;

import com.lightpress.auth.credentials.Throttled;
import java.time.Instant;

/** Too many wrong second-factor codes for one account: every code is refused for a while. */
public class SecondFactorThrottled extends Throttled {

    SecondFactorThrottled(Instant retryAfter) {
        super("Too many wrong codes. Try again later.", retryAfter);
    }
}
