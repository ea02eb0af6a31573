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
import org.junit.jupiter.api.AfterEach;
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

    SplitDeployment deployment = SplitDeployment.extracting("notifications");

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void paidInvoiceBecomesOneReceiptAndAnInAppNotificationInTheOtherProcess() {
        deployment.startBoth();
        var user = new OAuthClient(deployment.portOf("auth")).newUser("Split Customer");

        var number = payInvoice(user);

        var receipt = Mailbox.awaitSubject(user.email(), "Receipt for invoice " + number);
        assertThat(receipt.text()).contains(number);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(inbox(user)).contains(number));
        assertExactlyOneReceipt(user, number);
    }

    @Test
    void eventsPublishedWhileTheOtherProcessIsDownArriveWhenItStarts() {
        deployment.startMain();
        var user = new OAuthClient(deployment.portOf("auth")).newUser("Patient Customer");
        var number = payInvoice(user);

        deployment.startExtracted();

        Mailbox.awaitSubject(user.email(), "Receipt for invoice " + number);
        assertExactlyOneReceipt(user, number);
    }

    @Test
    void anEventDeliveredTwiceSendsOneEmail() {
        deployment.startBoth();
        var user = new OAuthClient(deployment.portOf("auth")).newUser("Twice Delivered");
        var number = payInvoice(user);
        Mailbox.awaitSubject(user.email(), "Receipt for invoice " + number);
        var event = deployment.main().bean(EventRecorder.class).all(InvoicePaid.class).stream()
                .filter(paid -> paid.number().equals(number))
                .findFirst()
                .orElseThrow();

        deployment
                .main()
                .bean(EventExternalizerModuleListener.class)
                .externalize(event)
                .join();

        assertExactlyOneReceipt(user, number);
        assertThat(deployment
                        .extracted()
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
        var number = payInvoice(user);
        await().atMost(Duration.ofSeconds(20)).until(() -> messagesInFlight("notifications") > 0);

        deployment.stopExtracted();
        database.execute("ALTER TABLE lightpress_shared.inbox_away RENAME TO inbox");
        deployment.startExtracted();

        Mailbox.awaitSubject(user.email(), "Receipt for invoice " + number);
        assertExactlyOneReceipt(user, number);
    }

    @Test
    void messageOfAnUnknownTypeIsDeadLettered() {
        deployment.startBoth();
        var sqs = deployment.main().bean(SqsTemplate.class);

        sqs.send(to -> to.queue(deployment.queueOf("notifications"))
                .payload("{\"what\":\"ever\"}")
                .headers(Map.of(
                        "lightpress-event-type", "com.lightpress.billing.SomethingNew",
                        "lightpress-event-id", UUID.randomUUID().toString(),
                        "lightpress-schema-version", "1")));

        await().atMost(Duration.ofSeconds(20)).until(() -> messagesWaiting("notifications-dlq") == 1);
    }

    @Test
    void queuesAreCreatedWithARedrivePolicyToTheirDeadLetterQueue() {
        deployment.startMain();

        var policy = queueAttributeText("notifications", QueueAttributeName.REDRIVE_POLICY);

        assertThat(policy).contains("notifications-dlq").containsPattern("\"maxReceiveCount\":\"?10");
    }

    private int messagesInFlight(String queue) {
        return queueAttribute(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
    }

    private int messagesWaiting(String queue) {
        return queueAttribute(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    }

    private int queueAttribute(String queue, QueueAttributeName attribute) {
        return Integer.parseInt(queueAttributeText(queue, attribute));
    }

    private String queueAttributeText(String queue, QueueAttributeName attribute) {
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

    private String payInvoice(TestUser user) {
        var customer = StripeScenarios.customerOf(deployment.main().jdbc(), user.id());
        return StripeScenarios.payInvoice(deployment.portOf("billing"), customer);
    }

    private String inbox(TestUser user) {
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
