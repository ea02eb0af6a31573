package com.lightpress.billing.subscription;

/** The user already has a live subscription; they change its plan instead of checking out. */
public class AlreadySubscribed extends RuntimeException {

    AlreadySubscribed() {
        super("You already have a subscription; change its plan instead.");
    }
}
