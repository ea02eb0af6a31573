package com.lightpress.billing.stripe;

/** Billing has no Stripe API key here, so nothing that involves money can be done. */
public class BillingNotConfigured extends RuntimeException {

    public BillingNotConfigured() {
        super("Billing is not configured.");
    }
}
