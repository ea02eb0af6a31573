package com.lightpress.billing.subscription;

/** The user has no live subscription to act on. */
public class NoSubscription extends RuntimeException {

    public NoSubscription() {
        super("You have no active subscription.");
    }
}
