package com.lightpress.auth.credentials;

/** A verification or reset token that is unknown, used, expired or meant for something else. */
public class InvalidToken extends RuntimeException {

    InvalidToken() {
        super("The token is invalid or has expired.");
    }
}
