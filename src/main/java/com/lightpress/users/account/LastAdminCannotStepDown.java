package com.lightpress.users.account;

/** The only admin tried to give up the ADMIN role, which would leave nobody to manage accounts. */
public class LastAdminCannotStepDown extends RuntimeException {

    LastAdminCannotStepDown() {
        super("The only admin tried to give up the ADMIN role, which would leave nobody to manage accounts.");
    }
}
