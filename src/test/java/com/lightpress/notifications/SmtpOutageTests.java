package com.lightpress.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.auth.PasswordChanged;
import com.lightpress.notifications.mail.DeliveryStatus;
import com.lightpress.notifications.mail.DeliveryView;
import com.lightpress.testing.EmbeddedServers;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.Publications;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.Scenario;

/**
 * While SMTP is down, an email waits in an incomplete event publication; once SMTP is back, the
 * scheduled resubmission sends it, exactly once.
 */
class SmtpOutageTests extends NotificationsModuleTest {

    @Test
    void emailWaitsInAnIncompletePublicationUntilSmtpIsBackAndThenGoesOutOnce(Scenario scenario) {
        var user = user("en", "UTC");
        var event = PasswordChanged.of(user.id(), Instant.now());
        var servers = EmbeddedServers.shared();

        servers.stopSmtp();
        try {
            scenario.publish(event)
                    .andWaitAtMost(PATIENCE)
                    .andWaitForStateChange(() -> deliveries.allOf(user.id()), SmtpOutageTests::failedOnce)
                    .andVerify(found -> {
                        assertThat(found.get(0).status()).isEqualTo(DeliveryStatus.PENDING);
                        assertThat(found.get(0).lastError()).isNotBlank();
                    });
            assertThat(Publications.incomplete(jdbc, event.eventId())).isEqualTo(1);
        } finally {
            servers.restartSmtp();
        }

        await().atMost(PATIENCE).until(() -> Publications.incomplete(jdbc, event.eventId()) == 0);
        assertThat(Mailbox.to(user.email()))
                .singleElement()
                .satisfies(email -> assertThat(email.subject()).isEqualTo("Your password was changed"));
        assertThat(deliveries.allOf(user.id())).singleElement().satisfies(delivery -> {
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(delivery.attempts()).isGreaterThanOrEqualTo(2);
        });
        assertThat(inbox.allOf(user.id())).hasSize(1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> Mailbox.to(user.email()).size() == 1);
    }

    private static boolean failedOnce(List<DeliveryView> found) {
        return !found.isEmpty() && found.get(0).attempts() >= 1 && found.get(0).lastError() != null;
    }
}
