package com.lightpress.auth.factors;

/** A second-factor code that is wrong, expired or was used before. */
public class InvalidCode extends RuntimeException {

    InvalidCode() {
        super("The code is not correct or was already used.");
    }
}
