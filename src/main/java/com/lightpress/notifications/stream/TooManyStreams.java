package com.lightpress.notifications.stream;

/** A user asked for another stream while holding as many as one process allows. */
public class TooManyStreams extends RuntimeException {

    TooManyStreams() {
        super("Too many notification streams are open for this account; close one or try again later.");
    }
}
