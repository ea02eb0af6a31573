package com.lightpress.notifications.inbox;

/** A page cursor the inbox did not make. */
public class InvalidCursor extends RuntimeException {

    InvalidCursor() {
        super("is not a cursor of this inbox");
    }
}
