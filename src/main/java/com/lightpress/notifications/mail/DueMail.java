package com.lightpress.notifications.mail;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends email whose time has come: held back by quiet hours that are over now, or due for another
 * attempt after SMTP refused or could not be reached.
 */
@Component
class DueMail {

    private static final int BATCH = 100;

    private final Deliveries deliveries;

    DueMail(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Scheduled(
            initialDelayString = "${lightpress.notifications.deferred-interval:60s}",
            fixedDelayString = "${lightpress.notifications.deferred-interval:60s}")
    @SchedulerLock(
            name = "notifications.held-back-mail",
            lockAtLeastFor = "${lightpress.notifications.deferred-interval:60s}")
    void sendDue() {
        while (deliveries.sendDue(BATCH) == BATCH) {
            // a full batch went out; there may be more
        }
    }
}
