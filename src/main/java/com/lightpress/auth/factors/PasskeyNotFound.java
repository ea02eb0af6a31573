package com.lightpress.auth.factors;

/** The account has no passkey of that id (another account's passkeys are not found either). */
public class PasskeyNotFound extends RuntimeException {

    PasskeyNotFound() {
        super("The account has no passkey with this id.");
    }
}
