package com.lightpress.auth.credentials;

/** A new password that is too easy to guess. */
public class WeakPassword extends RuntimeException {

    private final String field;

    WeakPassword(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
