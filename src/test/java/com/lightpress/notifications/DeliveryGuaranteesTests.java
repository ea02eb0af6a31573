package com.lightpress.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.auth.PasswordChanged;
import com.lightpress.billing.InvoicePaid;
import com.lightpress.notifications.mail.DeliveryStatus;
import com.lightpress.notifications.preferences.Category;
import com.lightpress.notifications.preferences.CategoryChannel;
import com.lightpress.notifications.preferences.Channel;
import com.lightpress.notifications.preferences.ChosenPreferences;
import com.lightpress.testing.Mailbox;
import com.lightpress.users.AccountClosed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

/** An event delivered twice sends one email; a closed account leaves nothing behind. */
class DeliveryGuaranteesTests extends NotificationsModuleTest {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryGuaranteesTests.class);

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void sameEventDeliveredTwiceSendsOneEmailAndOneNotification(Scenario scenario) {
        var user = user("en", "UTC");
        var event = PasswordChanged.of(user.id(), Instant.now());

        publishAndAwaitCompletion(scenario, event);
        publishAndAwaitCompletion(scenario, event);

        assertThat(Mailbox.to(user.email())).hasSize(1);
        assertThat(inbox.allOf(user.id())).hasSize(1);
        assertThat(deliveries.allOf(user.id())).singleElement().satisfies(delivery -> {
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(delivery.attempts()).isEqualTo(1);
        });
    }

    @Test
    void closedAccountLosesItsInboxPreferencesAndDeliveryRecords(Scenario scenario) {
        var user = user("en", "UTC");
        preferences.choose(
                user.id(), new ChosenPreferences(Set.of(new CategoryChannel(Category.PRODUCT, Channel.EMAIL)), null));
        var paid = InvoicePaid.of(user.id(), "in_7", "LP-7", 100, "eur", "https://invoice.example/7", Instant.now());
        publishAndAwaitEmail(scenario, paid, user);
        awaitNotification(user);

        publishAndAwaitCompletion(scenario, AccountClosed.of(user.id()));

        assertThat(inbox.allOf(user.id())).isEmpty();
        assertThat(deliveries.allOf(user.id())).isEmpty();
        assertThat(preferences.of(user.id()))
                .isEqualTo(ChosenPreferences.DEFAULTS)
                .as("no preferences row left")
                .satisfies(it -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM notifications.preferences WHERE user_id = ?",
                                Integer.class,
                                user.id().value()))
                        .isZero());
    }

    /** Also measures how long an event takes to become an email in GreenMail (logged). */
    @Test
    void everyOneOfManyEventsBecomesExactlyOneEmail() {
        var latencies = new ArrayList<Long>();
        var users = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            var user = user("en", "UTC");
            users.add(user.email());
            var start = System.nanoTime();
            transactions.executeWithoutResult(tx -> events.publishEvent(PasswordChanged.of(user.id(), Instant.now())));
            await().atMost(PATIENCE)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(2))
                    .until(() -> !Mailbox.to(user.email()).isEmpty());
            latencies.add((System.nanoTime() - start) / 1_000);
        }

        assertThat(users).allSatisfy(address -> assertThat(Mailbox.to(address)).hasSize(1));
        Collections.sort(latencies);
        LOG.info(
                "Event to email in GreenMail over {} events: median {} ms, p90 {} ms, max {} ms",
                latencies.size(),
                latencies.get(latencies.size() / 2) / 1000.0,
                latencies.get(latencies.size() * 9 / 10) / 1000.0,
                latencies.get(latencies.size() - 1) / 1000.0);
    }
}
