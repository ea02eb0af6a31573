package com.lightpress.users.account;

/** A profile change whose value is not what its field needs. */
public class InvalidProfileField extends RuntimeException {

    private final String field;

    InvalidProfileField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
