package com.lightpress.auth.credentials;

/**
 * Someone asked for a password reset of this address. The request only records this, whether or
 * not the address is registered, so its answer and its timing are the same for both; a listener
 * does the rest.
 */
record PasswordResetAsked(String email) {

    /** Keeps the address out of logs. */
    @Override
    public String toString() {
        return "PasswordResetAsked[email=***]";
    }
}
