package com.lightpress.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lightpress.auth.EmailVerified;
import com.lightpress.auth.LoginLocked;
import com.lightpress.auth.UserSignedUp;
import com.lightpress.billing.InvoicePaid;
import com.lightpress.notifications.mail.DeliveryStatus;
import com.lightpress.notifications.preferences.Category;
import com.lightpress.notifications.preferences.CategoryChannel;
import com.lightpress.notifications.preferences.Channel;
import com.lightpress.notifications.preferences.ChosenPreferences;
import com.lightpress.notifications.preferences.MandatoryCategory;
import com.lightpress.notifications.preferences.QuietHours;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.Mailbox.Email;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.Scenario;

/** What users turned off stays off, quiet hours hold back what can wait, and critical mail always goes. */
class PreferencesAndQuietHoursTests extends NotificationsModuleTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void turnedOffChannelsGetNothingButCriticalMessagesStillGoOut(Scenario scenario) {
        var user = user("en", "UTC");
        preferences.choose(
                user.id(),
                new ChosenPreferences(
                        Set.of(
                                new CategoryChannel(Category.ACCOUNT, Channel.EMAIL),
                                new CategoryChannel(Category.ACCOUNT, Channel.IN_APP),
                                new CategoryChannel(Category.BILLING, Channel.EMAIL)),
                        null));

        publishAndAwaitCompletion(scenario, EmailVerified.of(user.id()));
        publishAndAwaitCompletion(
                scenario,
                InvoicePaid.of(user.id(), "in_1", "LP-1", 500, "usd", "https://invoice.example/1", Instant.now()));
        publishAndAwaitCompletion(scenario, UserSignedUp.of(user.id(), "verify-me", Instant.now()));
        publishAndAwaitCompletion(scenario, LoginLocked.of(user.id(), Instant.now()));

        assertThat(Mailbox.to(user.email()))
                .extracting(Email::subject)
                .containsExactlyInAnyOrder(
                        "Confirm your email address", "Your account was locked after failed sign-ins");
        assertThat(inbox.allOf(user.id()))
                .extracting(it -> it.title())
                .containsExactlyInAnyOrder("Payment received", "Account locked after failed sign-ins");
    }

    @Test
    void securityNotificationsCannotBeTurnedOff() {
        var user = user("en", "UTC");
        var offers = new ChosenPreferences(Set.of(new CategoryChannel(Category.SECURITY, Channel.EMAIL)), null);

        assertThatThrownBy(() -> preferences.choose(user.id(), offers)).isInstanceOf(MandatoryCategory.class);
        assertThatThrownBy(() -> preferences.unsubscribe(user.id(), Category.SECURITY))
                .isInstanceOf(MandatoryCategory.class);
        assertThat(preferences.of(user.id()).allows(Category.SECURITY, Channel.EMAIL))
                .isTrue();
    }

    @Test
    void quietHoursHoldBackEmailThatCanWaitUntilTheyEndWhileCriticalEmailGoesAtOnce(Scenario scenario) {
        var user = user("en", TOKYO.getId());
        var quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        preferences.choose(user.id(), new ChosenPreferences(Set.of(), quiet));
        var night = ZonedDateTime.of(LocalDate.now(TOKYO), LocalTime.of(1, 30), TOKYO);
        clock.setTo(night.toInstant());

        publishAndAwaitCompletion(scenario, EmailVerified.of(user.id()));
        var alert = publishAndAwaitEmail(scenario, LoginLocked.of(user.id(), night.toInstant()), user);

        assertThat(alert.subject()).isEqualTo("Your account was locked after failed sign-ins");
        var welcome = deliveries.allOf(user.id()).stream()
                .filter(delivery -> delivery.template().equals("welcome"))
                .findFirst()
                .orElseThrow();
        assertThat(welcome.status()).isEqualTo(DeliveryStatus.WAITING);
        assertThat(welcome.notBefore()).isEqualTo(night.with(LocalTime.of(7, 0)).toInstant());
        assertThat(inbox.allOf(user.id())).extracting(it -> it.title()).contains("Welcome to Lightpress");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> Mailbox.to(user.email()).size() == 1);

        clock.setTo(night.with(LocalTime.of(7, 0, 1)).toInstant());

        Mailbox.awaitSubject(user.email(), "Welcome to Lightpress, Ada");
        assertThat(Mailbox.to(user.email())).hasSize(2);
    }
}
