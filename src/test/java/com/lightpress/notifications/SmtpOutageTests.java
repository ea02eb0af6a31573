package com.lightpress.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.auth.PasswordChanged;
import com.lightpress.notifications.mail.DeliveryStatus;
import com.lightpress.notifications.mail.DeliveryView;
import com.lightpress.testing.EmbeddedServers;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.Publications;
import com.lightpress.users.UserProfile;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.Scenario;

/**
 * SMTP down for a long time, on a clock the test moves: an email is tried with growing delays
 * (30 s doubling, at most 30 min) for a day, sent exactly once when SMTP is back, and given up only
 * after a day, when an admin can replay it once.
 */
class SmtpOutageTests extends NotificationsModuleTest {

    @AfterEach
    void smtpBack() {
        EmbeddedServers.shared().restartSmtp();
    }

    @Test
    void emailOutlastsThirtyMinutesOfSmtpOutageWithFewAttemptsAndGoesOutOnce(Scenario scenario) {
        var user = user("en", "UTC");
        var event = PasswordChanged.of(user.id(), Instant.now());
        EmbeddedServers.shared().stopSmtp();

        publishAndAwaitCompletion(scenario, event);
        var start = clock.instant();
        var delivery = awaitAttempts(user, 1);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.lastError()).isNotBlank();
        assertThat(Publications.incomplete(jdbc, event.eventId())).isZero();

        while (clock.instant().isBefore(start.plus(Duration.ofMinutes(30)))) {
            delivery = nextAttempt(user, delivery);
        }

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.attempts()).isBetween(5, 8);
        assertThat(Mailbox.to(user.email())).isEmpty();

        EmbeddedServers.shared().restartSmtp();
        clock.setTo(delivery.notBefore().plusMillis(1));

        Mailbox.awaitSubject(user.email(), "Your password was changed");
        await().atMost(PATIENCE).until(() -> only(user).status() == DeliveryStatus.SENT);
        assertThat(only(user).attempts()).isEqualTo(delivery.attempts() + 1);
        clock.advance(Duration.ofHours(2));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> Mailbox.to(user.email()).size() == 1);
        assertThat(inbox.allOf(user.id())).hasSize(1);
    }

    @Test
    void emailIsTriedForADayThenGivenUpAndAReplayedOneIsSentOnce(Scenario scenario) {
        var user = user("en", "UTC");
        var event = PasswordChanged.of(user.id(), Instant.now());
        EmbeddedServers.shared().stopSmtp();
        publishAndAwaitCompletion(scenario, event);
        var first = awaitAttempts(user, 1);

        clock.setTo(first.createdAt().plus(Duration.ofHours(23).plusMinutes(50)));
        var beforeADay = awaitAttempts(user, 2);
        assertThat(beforeADay.status()).isEqualTo(DeliveryStatus.PENDING);
        clock.setTo(first.createdAt().plus(Duration.ofHours(24).plusMinutes(1)));
        var failed = awaitAttempts(user, 3);

        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(Mailbox.to(user.email())).isEmpty();

        EmbeddedServers.shared().restartSmtp();
        clock.advance(Duration.ofHours(1));
        assertThat(deliveries.replay(failed.id()))
                .hasValueSatisfying(it -> assertThat(it.status()).isNotEqualTo(DeliveryStatus.FAILED));
        deliveries.replay(failed.id());

        Mailbox.awaitSubject(user.email(), "Your password was changed");
        await().atMost(PATIENCE).until(() -> only(user).status() == DeliveryStatus.SENT);
        deliveries.replay(failed.id());
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> Mailbox.to(user.email()).size() == 1);
    }

    /** Moves the clock to the delivery's next attempt and waits until that attempt was made. */
    private DeliveryView nextAttempt(UserProfile user, DeliveryView delivery) {
        clock.setTo(delivery.notBefore().plusMillis(1));
        return awaitAttempts(user, delivery.attempts() + 1);
    }

    private DeliveryView awaitAttempts(UserProfile user, int attempts) {
        return await().atMost(PATIENCE)
                .until(
                        () -> only(user),
                        it -> it != null
                                && it.attempts() >= attempts
                                && it.status() != DeliveryStatus.SENDING
                                && (it.status() != DeliveryStatus.PENDING || it.lastError() != null));
    }

    private DeliveryView only(UserProfile user) {
        var found = deliveries.allOf(user.id());
        return found.isEmpty() ? null : found.get(0);
    }
}
