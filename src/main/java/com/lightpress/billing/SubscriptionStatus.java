package com.lightpress.billing;

import java.util.Locale;

/** The states of a Stripe subscription, as Stripe names them. */
public enum SubscriptionStatus {
    INCOMPLETE,
    INCOMPLETE_EXPIRED,
    TRIALING,
    ACTIVE,
    PAST_DUE,
    CANCELED,
    UNPAID,
    PAUSED;

    /** The status for Stripe's lower-case name of it. */
    public static SubscriptionStatus fromStripe(String status) {
        return valueOf(status.toUpperCase(Locale.ROOT));
    }
}
