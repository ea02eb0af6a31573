package com.lightpress.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.billing.InvoicePaid;
import com.lightpress.testing.Api;
import com.lightpress.testing.EventRecorder;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.SplitDeployment;
import com.lightpress.testing.StripeScenarios;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The proof of extraction: notifications runs in a process of its own; a Stripe webhook handled by
 * the main process becomes a receipt email and an in-app notification served by the other one,
 * with nothing lost and nothing sent twice when either side is down or restarts mid-flight.
 */
class NotificationsExtractedTests {

    /** Both processes, started once for the tests that need them only running. */
    static SplitDeployment running;

    /** A deployment of its own, for a test that starts and stops its processes. */
    SplitDeployment deployment = SplitDeployment.extracting("notifications");

    @BeforeAll
    static void startBoth() {
        running = SplitDeployment.extracting("notifications");
        running.startBoth();
    }

    @AfterAll
    static void stopBoth() {
        running.close();
    }

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void paidInvoiceBecomesOneReceiptAndAnInAppNotificationInTheOtherProcess() {
        var user = new OAuthClient(running.portOf("auth")).newUser("Split Customer");

        var number = payInvoice(running, user);

        var receipt = Mailbox.awaitSubject(user.email(), "Receipt for invoice " + number);
        assertThat(receipt.text()).contains(number);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(inbox(running, user)).contains(number));
        assertExactlyOneReceipt(user, number);
    }

    @Test
    void eventsPublishedWhileTheOtherProcessIsDownArriveWhenItStarts() {
        deployment.startMain();
        var user = new OAuthClient(deployment.portOf("auth")).newUser("Patient Customer");
        var number = payInvoice(deployment, user);

        deployment.startExtracted();

        Mailbox.awaitSubject(user.email(), "Receipt for invoice " + number);
        assertExactlyOneReceipt(user, number);
    }

    @Test
    void anEventDeliveredTwiceSendsOneEmail() {
        var user = new OAuthClient(running.portOf("auth")).newUser("Twice Delivered");
        var number = payInvoice(running, user);
        Mailbox.awaitSubject(user.email(), "Receipt for invoice " + number);
        var event = running.main().bean(EventRecorder.class).all(InvoicePaid.class).stream()
                .filter(paid -> paid.number().equals(number))
                .findFirst()
                .orElseThrow();

        running.main()
                .bean(EventExternalizerModuleListener.class)
                .externalize(event)
                .join();

        assertExactlyOneReceipt(user, number);
        assertThat(running.extracted()
                        .jdbc()
                        .queryForObject(
                                "SELECT count(*) FROM lightpress_shared.inbox WHERE event_id = ?",
                                Integer.class,
                                event.eventId()))
                .isEqualTo(1);
    }

    @Test
    void messageReceivedButNotCommittedComesBackAfterTheProcessRestarts() {
        deployment.startBoth();
        var user = new OAuthClient(deployment.portOf("auth")).newUser("Crashing Receiver");
        Mailbox.awaitSubject(user.email(), "Confirm your email address");
        var database = deployment.main().jdbc();
        database.execute("ALTER TABLE lightpress_shared.inbox RENAME TO inbox_away");
        var number = payInvoice(deployment, user);
        await().atMost(Duration.ofSeconds(20)).until(() -> messagesInFlight(deployment, "notifications") > 0);

        deployment.stopExtracted();
        database.execute("ALTER TABLE lightpress_shared.inbox_away RENAME TO inbox");
        deployment.startExtracted();

        Mailbox.awaitSubject(user.email(), "Receipt for invoice " + number);
        assertExactlyOneReceipt(user, number);
    }

    @Test
    void messageOfAnUnknownTypeIsDeadLettered() {
        var sqs = running.main().bean(SqsTemplate.class);

        sqs.send(to -> to.queue(running.queueOf("notifications"))
                .payload("{\"what\":\"ever\"}")
                .headers(Map.of(
                        "lightpress-event-type", "com.lightpress.billing.SomethingNew",
                        "lightpress-event-id", UUID.randomUUID().toString(),
                        "lightpress-schema-version", "1")));

        await().atMost(Duration.ofSeconds(20)).until(() -> messagesWaiting(running, "notifications-dlq") == 1);
    }

    @Test
    void queuesAreCreatedWithARedrivePolicyToTheirDeadLetterQueue() {
        var policy = queueAttributeText(running, "notifications", QueueAttributeName.REDRIVE_POLICY);

        assertThat(policy).contains("notifications-dlq").containsPattern("\"maxReceiveCount\":\"?10");
    }

    private static int messagesInFlight(SplitDeployment deployment, String queue) {
        return queueAttribute(deployment, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
    }

    private static int messagesWaiting(SplitDeployment deployment, String queue) {
        return queueAttribute(deployment, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    }

    private static int queueAttribute(SplitDeployment deployment, String queue, QueueAttributeName attribute) {
        return Integer.parseInt(queueAttributeText(deployment, queue, attribute));
    }

    private static String queueAttributeText(SplitDeployment deployment, String queue, QueueAttributeName attribute) {
        var sqs = deployment.main().bean(SqsAsyncClient.class);
        var url = sqs.getQueueUrl(request -> request.queueName(deployment.queueOf(queue)))
                .join()
                .queueUrl();
        var value = sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(attribute))
                .join()
                .attributes()
                .get(attribute);
        return value;
    }

    private static String payInvoice(SplitDeployment deployment, TestUser user) {
        var customer = StripeScenarios.customerOf(deployment.main().jdbc(), user.id());
        return StripeScenarios.payInvoice(deployment.portOf("billing"), customer);
    }

    private static String inbox(SplitDeployment deployment, TestUser user) {
        return Api.client(deployment.portOf("notifications"))
                .get()
                .uri("/api/notifications")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
    }

    private static void assertExactlyOneReceipt(TestUser user, String number) {
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> Mailbox.to(user.email()).stream()
                                .filter(mail -> mail.subject().contains(number))
                                .count()
                        == 1);
    }
}
