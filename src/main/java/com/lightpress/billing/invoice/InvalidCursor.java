package com.lightpress.billing.invoice;

/** The page cursor a client sent is not one Lightpress gave out. */
public class InvalidCursor extends RuntimeException {

    InvalidCursor() {
        super("is not a cursor from a previous page");
    }
}
