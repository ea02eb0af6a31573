package com.lightpress.auth.factors;

/** The account has no authenticator app. */
public class NotEnrolled extends RuntimeException {

    NotEnrolled() {
        super("The account has no authenticator app.");
    }
}
