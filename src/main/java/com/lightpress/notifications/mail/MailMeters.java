package com.lightpress.notifications.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Emails in figures: sent, attempts that failed, and deliveries given up on. */
@Component
class MailMeters {

    private final Counter sent;
    private final Counter failed;
    private final Counter dead;

    MailMeters(MeterRegistry meters) {
        this.sent = Counter.builder("lightpress.emails.sent")
                .description("Emails the SMTP server accepted")
                .register(meters);
        this.failed = Counter.builder("lightpress.emails.failed")
                .description("Attempts to send an email that failed; each is retried with backoff")
                .register(meters);
        this.dead = Counter.builder("lightpress.emails.dead")
                .description("Emails given up on after their retry window; an admin can replay them")
                .register(meters);
    }

    void sent() {
        sent.increment();
    }

    void failed() {
        failed.increment();
    }

    void dead() {
        dead.increment();
    }
}
