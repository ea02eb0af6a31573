package com.lightpress.users;

import java.util.UUID;

/** The identity of a user across every module; auth chooses it at sign-up. */
public record UserId(UUID value) {

    public static UserId of(String value) {
        return new UserId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
