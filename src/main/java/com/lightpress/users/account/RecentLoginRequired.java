package com.lightpress.users.account;

/** Closing an account needs a login within the last minutes; the client must ask the user to log in again. */
public class RecentLoginRequired extends RuntimeException {

    RecentLoginRequired() {
        super(
                "Closing an account needs a login within the last minutes; the client must ask the user to log in again.");
    }
}
