package com.lightpress.users.account;

/** No account with that id, or not one the caller may see. */
public class AccountNotFound extends RuntimeException {

    AccountNotFound() {
        super("No account with that id, or not one the caller may see.");
    }
}
