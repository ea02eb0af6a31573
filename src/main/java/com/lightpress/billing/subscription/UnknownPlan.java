package com.lightpress.billing.subscription;

/** The plan asked for is not in the catalog, or is not one that can be paid for. */
public class UnknownPlan extends RuntimeException {

    UnknownPlan(String plan) {
        super("'" + plan + "' is not a plan that can be subscribed to.");
    }
}
