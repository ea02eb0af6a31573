package com.lightpress.platform.messaging;

import com.lightpress.platform.EveryInstance;
import java.sql.SQLException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * When work is handed over between processes: once at start, before any listener or queue reader
 * runs (this replaces Spring Modulith's own resubmission at start, which would resubmit
 * publications of listeners that run elsewhere), then on the schedule of the resubmissions.
 */
class HandoverSchedule implements SmartInitializingSingleton {

    private final ProcessRoster roster;
    private final PublicationHandover publications;
    private final QueueDrain queues;

    HandoverSchedule(ProcessRoster roster, PublicationHandover publications, QueueDrain queues) {
        this.roster = roster;
        this.publications = publications;
        this.queues = queues;
    }

    @Override
    public void afterSingletonsInstantiated() {
        publications.start();
    }

    @Scheduled(
            initialDelayString = "${lightpress.platform.events.resubmit-interval:60s}",
            fixedDelayString = "${lightpress.platform.events.resubmit-interval:60s}")
    @EveryInstance("each instance reports itself alive, and takes over what dead processes left")
    void handOver() throws SQLException {
        roster.keepAlive();
        publications.continueHandover();
        queues.check();
    }
}
