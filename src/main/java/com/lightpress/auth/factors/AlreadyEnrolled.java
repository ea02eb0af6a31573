package com.lightpress.auth.factors;

/** The account already has an authenticator app; remove it first. */
public class AlreadyEnrolled extends RuntimeException {

    AlreadyEnrolled() {
        super("The account already has an authenticator app; remove it first.");
    }
}
