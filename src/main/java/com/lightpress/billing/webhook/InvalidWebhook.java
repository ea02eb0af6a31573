package com.lightpress.billing.webhook;

/** A webhook request whose signature, timestamp or body is not what Stripe sends. */
public class InvalidWebhook extends RuntimeException {

    InvalidWebhook(String message) {
        super(message);
    }
}
