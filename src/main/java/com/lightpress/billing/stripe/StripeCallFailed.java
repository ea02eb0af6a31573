package com.lightpress.billing.stripe;

/** Stripe did not answer, timed out or refused a call; nothing local was changed by it. */
public class StripeCallFailed extends RuntimeException {

    private final int status;

    StripeCallFailed(String what, int status, Throwable cause) {
        super("Stripe could not " + what + ".", cause);
        this.status = status;
    }

    /** Stripe's HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    public boolean notFound() {
        return status == 404;
    }
}
