package com.lightpress.users.account;

/** The account changed since the version the client based its change on. */
public class StaleAccountVersion extends RuntimeException {

    StaleAccountVersion() {
        super("The account changed since the version the client based its change on.");
    }
}
