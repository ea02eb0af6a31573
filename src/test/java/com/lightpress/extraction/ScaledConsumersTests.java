package com.lightpress.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.billing.InvoicePaid;
import com.lightpress.testing.Deployment;
import com.lightpress.testing.EventRecorder;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.StripeScenarios;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;

/**
 * Two instances of the extracted notifications service read one queue, as an ECS service scaled to
 * two tasks does, while every event arrives twice at the same moment: each receipt is sent once
 * and each in-app notification exists once.
 */
class ScaledConsumersTests {

    static final int INVOICES = 12;

    Deployment deployment = new Deployment()
            .with("main", "proc_main", "users", "auth", "billing")
            .with("notifications-1", "proc_notifications", "notifications")
            .with("notifications-2", "proc_notifications", "notifications");

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void twoInstancesReadingOneQueueSendEachEmailOnceWhenEveryEventArrivesTwice() {
        deployment.startTogether(List.of("main", "notifications-1", "notifications-2"), List.of());
        var user = new OAuthClient(deployment.portOf("auth")).newUser("Scaled Customer");
        var customer = StripeScenarios.customerOf(deployment.database(), user.id());

        var numbers = IntStream.range(0, INVOICES)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> StripeScenarios.payInvoice(deployment.portOf("billing"), customer)))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();
        var paid = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> deployment
                                .process("main")
                                .bean(EventRecorder.class)
                                .all(InvoicePaid.class),
                        all -> all.size() == INVOICES);
        var externalizer = deployment.process("main").bean(EventExternalizerModuleListener.class);
        paid.stream().map(externalizer::externalize).toList().forEach(CompletableFuture::join);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> receipts(user.email(), numbers).size() == INVOICES);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(receipts(user.email(), numbers)).doesNotHaveDuplicates().hasSize(INVOICES);
            assertThat(inAppReceipts(user.id())).isEqualTo(INVOICES);
        });
        assertThat(deployment
                        .database()
                        .queryForObject(
                                "SELECT count(*) FROM lightpress_shared.inbox WHERE event_type = ?",
                                Integer.class,
                                InvoicePaid.class.getName()))
                .isEqualTo(INVOICES);
    }

    private static List<String> receipts(String address, List<String> numbers) {
        return Mailbox.to(address).stream()
                .map(Mailbox.Email::subject)
                .filter(subject -> numbers.stream().anyMatch(subject::endsWith))
                .toList();
    }

    private int inAppReceipts(String user) {
        return deployment
                .database()
                .queryForObject(
                        "SELECT count(*) FROM notifications.notifications WHERE user_id = ? AND template = 'receipt'",
                        Integer.class,
                        UUID.fromString(user));
    }
}
