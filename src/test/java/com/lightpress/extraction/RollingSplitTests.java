package com.lightpress.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.extraction.ExtractionMigrationTests.Email;
import com.lightpress.platform.modules.ModuleActivation;
import com.lightpress.testing.Deployment;
import com.lightpress.testing.MailArchive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A split as ECS rolls it out (README, "Extract a module in production", step 4): the new
 * notifications service and the new main tasks start while an old main task, which still runs
 * notifications, is alive with notifications' work unfinished in its registry (its table is away,
 * so the old task's retries keep failing). While that task lives the new service leaves the work
 * alone; once it is gone, the new service takes it over at its next hand-over round, and the
 * email goes out once.
 */
class RollingSplitTests {

    Deployment deployment = new Deployment();
    MailArchive mail = new MailArchive();
    MigrationWork work = new MigrationWork(deployment, mail);

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void theNewServiceTakesOverTheOldTasksUnfinishedWorkOnlyOnceTheyAreGone() {
        deployment.with("old", "lightpress", ModuleActivation.MODULES.toArray(String[]::new));
        deployment.start("old");
        work.setUp();
        work.keepNotificationsFromWriting();
        var receipt = work.payInvoice();
        work.awaitFailedIn("lightpress", "notifications");

        deployment.with("main", "lightpress", "users", "auth", "billing");
        deployment.with("notifications", "lightpress_notifications", "notifications");
        var main = "http://127.0.0.1:" + deployment.start("main").port();
        // in ECS the new service finds the others by their Cloud Map names, which lead to the new tasks
        deployment.start(
                "notifications",
                Map.of(
                        "lightpress.modules.remote.users.url", main,
                        "lightpress.modules.remote.auth.url", main,
                        "lightpress.modules.remote.billing.url", main));

        await().during(Duration.ofSeconds(6))
                .atMost(Duration.ofSeconds(20))
                .until(() -> work.incompleteIn("lightpress_notifications", "notifications") == 0
                        && work.incompleteIn("lightpress", "notifications") > 0
                        && !mail.subjects(receipt.to()).contains(receipt.subject()));

        deployment.stop("old");
        work.letNotificationsWriteAgain();

        mail.awaitExactlyOnce(Email.pairs(List.of(receipt)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> work.incompleteIn("lightpress", "notifications") == 0
                        && work.incompleteIn("lightpress_notifications", "notifications") == 0);
        assertThat(mail.subjects(receipt.to())).containsOnlyOnce(receipt.subject());
    }
}
