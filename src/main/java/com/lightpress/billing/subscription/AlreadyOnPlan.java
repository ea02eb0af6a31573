package com.lightpress.billing.subscription;

/** The subscription is already on the plan asked for. */
public class AlreadyOnPlan extends RuntimeException {

    AlreadyOnPlan(String plan) {
        super("Your subscription is already on plan '" + plan + "'.");
    }
}
