package com.lightpress.notifications.mail;

import java.util.UUID;

/**
 * An email that should have gone out did not, for now. Thrown from an event listener it leaves
 * the event's publication incomplete, so the registry tries again later.
 */
public class DeliveryNotSentYet extends RuntimeException {

    DeliveryNotSentYet(UUID id, String reason) {
        super("Email delivery " + id + " not sent yet: " + reason);
    }

    DeliveryNotSentYet(UUID id, String reason, Throwable cause) {
        super("Email delivery " + id + " not sent yet: " + reason, cause);
    }
}
