package com.lightpress.notifications.preferences;

/** An unsubscribe token that was not made by this deployment, or was changed. */
public class InvalidUnsubscribeToken extends RuntimeException {

    InvalidUnsubscribeToken() {
        super("The unsubscribe link is invalid.");
    }
}
