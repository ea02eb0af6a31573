package com.lightpress.auth.credentials;

/**
 * Every password-hashing slot stayed taken for longer than a request should wait: the client is
 * asked to come back shortly instead of queueing without bound.
 */
public class HashingBusy extends RuntimeException {

    HashingBusy() {
        super("Too many sign-ins at once. Try again in a moment.");
    }
}
