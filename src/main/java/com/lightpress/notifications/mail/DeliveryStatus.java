package com.lightpress.notifications.mail;

/** Where an email delivery stands. */
public enum DeliveryStatus {
    /** Recorded, to be sent now. */
    PENDING,
    /** Held back by the recipient's quiet hours until its {@code notBefore}. */
    WAITING,
    /** Claimed by a sender until its lease runs out. */
    SENDING,
    /** The SMTP server accepted it. */
    SENT,
    /** Every attempt failed; it waits for an admin. */
    FAILED
}
