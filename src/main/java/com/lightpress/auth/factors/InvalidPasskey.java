package com.lightpress.auth.factors;

/** A passkey registration the browser's answer does not complete; names the field at fault. */
public class InvalidPasskey extends RuntimeException {

    private final String field;

    InvalidPasskey(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
