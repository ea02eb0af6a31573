package com.lightpress.auth.factors;

/** The account lacks the second factor a request needs: an authenticator app, or any. */
public class NotEnrolled extends RuntimeException {

    NotEnrolled(String message) {
        super(message);
    }
}
