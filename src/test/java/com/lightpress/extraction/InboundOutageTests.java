package com.lightpress.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.billing.InvoicePaid;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.SplitDeployment;
import com.lightpress.users.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database is down while events arrive on notifications' queue, for longer than the queue's
 * receives would last at its visibility timeout (2 receives of 2 s): the process stops taking
 * messages instead of failing them, nothing reaches the dead-letter queue, and once the database
 * is back every event becomes exactly one email.
 */
class InboundOutageTests {

    static final Map<String, Object> IMPATIENT_QUEUES = Map.of(
            "lightpress.platform.sqs.visibility-timeout", "2s",
            "lightpress.platform.sqs.max-receive-count", 2,
            "lightpress.platform.sqs.retry-first-delay", "6s",
            "lightpress.platform.sqs.retry-max-delay", "12s",
            "spring.datasource.hikari.connection-timeout", 1000);

    SplitDeployment deployment = SplitDeployment.extracting("notifications");

    @AfterEach
    void stop() {
        deployment.databaseUp();
        deployment.close();
    }

    @Test
    void eventsArrivingWhileTheDatabaseIsDownAreProcessedOnceItIsBackAndNoneIsDeadLettered() {
        deployment.startMain(IMPATIENT_QUEUES).startExtracted(IMPATIENT_QUEUES);
        var user = new OAuthClient(deployment.portOf("auth")).newUser("Outage Customer");
        Mailbox.awaitSubject(user.email(), "Confirm your email address");
        var events = IntStream.range(0, 3).mapToObj(i -> paid(user, i)).toList();
        var queues = new Queues(deployment);

        deployment.databaseDown();
        events.forEach(event -> queues.send("notifications", event, Map.of()));
        await().during(Duration.ofSeconds(12))
                .atMost(Duration.ofSeconds(20))
                .until(() -> queues.waiting("notifications-dlq") == 0 && receipts(user, events) == 0);
        deployment.databaseUp();

        // The gate probes the database at most 36 s apart (30 s and jitter), then a hidden message
        // comes back within retry-max-delay: the wait covers both on a busy machine.
        await().atMost(Duration.ofSeconds(90)).until(() -> receipts(user, events) == events.size());
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> receipts(user, events) == events.size());
        assertThat(queues.waiting("notifications-dlq")).isZero();
        assertThat(queues.waiting("notifications")).isZero();
    }

    static InvoicePaid paid(TestUser user, int i) {
        var number = "OUT-" + UUID.randomUUID().toString().substring(0, 8) + "-" + i;
        return InvoicePaid.of(
                new UserId(UUID.fromString(user.id())),
                "in_" + number,
                number,
                1500,
                "eur",
                "https://invoice.stripe.com/i/" + number,
                Instant.now());
    }

    static long receipts(TestUser user, List<InvoicePaid> events) {
        return Mailbox.to(user.email()).stream()
                .filter(mail -> events.stream().anyMatch(event -> mail.subject().contains(event.number())))
                .count();
    }
}
