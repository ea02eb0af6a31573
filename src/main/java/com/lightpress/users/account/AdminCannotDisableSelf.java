package com.lightpress.users.account;

/** An admin tried to disable their own account. */
public class AdminCannotDisableSelf extends RuntimeException {

    AdminCannotDisableSelf() {
        super("An admin tried to disable their own account.");
    }
}
