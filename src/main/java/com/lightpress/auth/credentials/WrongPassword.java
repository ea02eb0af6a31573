package com.lightpress.auth.credentials;

/** The current password given to authorize a change was not the account's password. */
public class WrongPassword extends RuntimeException {

    WrongPassword() {
        super("The current password is not correct.");
    }
}
