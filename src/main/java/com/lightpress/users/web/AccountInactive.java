package com.lightpress.users.web;

/** The caller's own account is disabled. */
class AccountInactive extends RuntimeException {

    AccountInactive() {
        super("This account is disabled.");
    }
}
