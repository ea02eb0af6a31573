package com.lightpress.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.Deployment;
import com.lightpress.testing.EmbeddedServers;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.Publications;
import com.lightpress.testing.StripeScenarios;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Events that the main process could not send to notifications' process before it stopped (SQS
 * unreachable) are sent once, by the process that runs their publisher when the deployment comes
 * back: the main process sends what its modules published, and an event of billing, which has
 * moved into a process of its own meanwhile, waits in the main process's registry for billing's
 * process to take it over and send it, as only that process runs billing (and, in AWS, may send
 * billing's events).
 */
class UnsentEventsTests {

    static final String VERIFY = "Confirm your email address";

    Deployment deployment = new Deployment()
            .with("notifications", "proc_notifications", "notifications")
            .with("main", "proc_main", "users", "auth", "billing");

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void eventsLeftUnsentAreSentOnceByTheProcessThatRunsTheirPublisherNow() {
        deployment.start("notifications");
        deployment.start(
                "main",
                Map.of(
                        "spring.cloud.aws.sqs.endpoint",
                        "http://127.0.0.1:" + EmbeddedServers.freePort(),
                        "lightpress.platform.sqs.create-queues",
                        false));
        var user = new OAuthClient(deployment.portOf("auth")).newUser("Unsent Customer");
        var number = StripeScenarios.payInvoice(
                deployment.portOf("billing"), StripeScenarios.customerOf(deployment.database(), user.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> unsent("auth") == 1 && unsent("billing") == 1);
        deployment.stop("main");

        deployment
                .with("main", "proc_main", "users", "auth")
                .with("billing", "proc_billing", "billing")
                .start("main");

        Mailbox.awaitSubject(user.email(), VERIFY);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> unsent("billing") == 1);

        deployment.start("billing");

        Mailbox.awaitSubject(user.email(), "Receipt for invoice " + number);
        await().atMost(Duration.ofSeconds(20)).until(() -> unsent("billing") == 0);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(Mailbox.to(user.email()).stream().map(Mailbox.Email::subject))
                                .containsExactlyInAnyOrder(VERIFY, "Receipt for invoice " + number));
    }

    private int unsent(String module) {
        return Publications.unsent(deployment.database(), module);
    }
}
