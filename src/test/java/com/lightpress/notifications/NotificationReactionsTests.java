package com.lightpress.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.then;

import com.lightpress.auth.EmailVerificationRequested;
import com.lightpress.auth.EmailVerified;
import com.lightpress.auth.LoginLocked;
import com.lightpress.auth.PasswordChanged;
import com.lightpress.auth.PasswordResetRequested;
import com.lightpress.auth.RefreshTokenReused;
import com.lightpress.auth.SignUpAttemptedOnExistingAccount;
import com.lightpress.auth.UserSignedUp;
import com.lightpress.billing.InvoicePaid;
import com.lightpress.billing.PaymentFailed;
import com.lightpress.billing.SubscriptionStatus;
import com.lightpress.billing.SubscriptionStatusChanged;
import com.lightpress.billing.TrialEnding;
import com.lightpress.platform.DomainEvent;
import com.lightpress.testing.Mailbox;
import com.lightpress.users.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.modulith.test.Scenario;

/**
 * Every event notifications reacts to becomes the right email, in the recipient's language with
 * the right links, and the right in-app notification. Users' API is mocked, so any locale and
 * time zone can be tried.
 */
class NotificationReactionsTests extends NotificationsModuleTest {

    static final Instant IN_A_DAY = Instant.now().plus(Duration.ofDays(1));

    @Test
    void signUpSendsAVerificationLinkInTheUsersLanguage(Scenario scenario) {
        var user = unconfirmedUser("de", "Ada");

        var email = publishAndAwaitEmail(scenario, UserSignedUp.of(user.id(), "verify-token-1", IN_A_DAY), user);

        assertThat(email.subject()).isEqualTo("Bestätigen Sie Ihre E-Mail-Adresse");
        assertThat(email.text()).contains("Hallo,").contains("/app/#/verify-email?token=verify-token-1");
        assertThat(email.html())
                .contains("href=\"http://127.0.0.1:")
                .contains("/app/#/verify-email?token=verify-token-1");
        assertThat(email.header("List-Unsubscribe"))
                .as("critical mail cannot be unsubscribed")
                .isNull();
        assertThat(inbox.allOf(user.id())).isEmpty();
    }

    @Test
    void textTypedIntoASignUpStaysOutOfMailToTheUnconfirmedAddress(Scenario scenario) {
        var planted = "Claim your prize at https://evil.example/win now";
        var user = unconfirmedUser("en", planted);

        var email = publishAndAwaitEmail(scenario, UserSignedUp.of(user.id(), "verify-token-9", IN_A_DAY), user);

        assertThat(email.text())
                .startsWith("Hello,")
                .doesNotContain("evil.example")
                .doesNotContain("prize");
        assertThat(email.html()).doesNotContain("evil.example").doesNotContain("prize");
        assertThat(email.subject()).doesNotContain("evil.example");
        assertThat(email.header("To")).doesNotContain("prize");
    }

    @Test
    void confirmedOwnersAreGreetedByName(Scenario scenario) {
        var user = user("de", "Europe/Berlin");

        var email = publishAndAwaitEmail(scenario, PasswordChanged.of(user.id(), Instant.now()), user);

        assertThat(email.text()).contains("Hallo Ada,");
    }

    @Test
    void verificationRequestedAgainSendsAFreshLink(Scenario scenario) {
        var user = user("en", "UTC");

        var email = publishAndAwaitEmail(
                scenario, EmailVerificationRequested.of(user.id(), "verify-token-2", IN_A_DAY), user);

        assertThat(email.subject()).isEqualTo("Confirm your email address");
        assertThat(email.text()).contains("/app/#/verify-email?token=verify-token-2");
    }

    @Test
    void signUpAttemptOnAnExistingAccountWarnsTheOwner(Scenario scenario) {
        var user = user("en", "UTC");

        var email = publishAndAwaitEmail(scenario, SignUpAttemptedOnExistingAccount.of(user.id()), user);

        assertThat(email.subject()).isEqualTo("Someone tried to sign up with your email address");
        assertThat(email.text()).contains("/app/#/forgot-password");
        assertThat(email.header("List-Unsubscribe")).isNull();
    }

    @Test
    void passwordResetRequestSendsAResetLink(Scenario scenario) {
        var user = user("de-DE", "Europe/Berlin");

        var email =
                publishAndAwaitEmail(scenario, PasswordResetRequested.of(user.id(), "reset+token/3", IN_A_DAY), user);

        assertThat(email.subject()).isEqualTo("Setzen Sie Ihr Passwort zurück");
        assertThat(email.text()).contains("/app/#/reset-password?token=reset%2Btoken%2F3");
        assertThat(inbox.allOf(user.id())).isEmpty();
    }

    static Stream<Arguments> securityEvents() {
        var now = Instant.parse("2026-03-14T15:09:00Z");
        return Stream.of(
                Arguments.of(
                        (Function<UserId, DomainEvent>) id -> LoginLocked.of(id, now),
                        "Your account was locked after failed sign-ins",
                        "Account locked after failed sign-ins"),
                Arguments.of(
                        (Function<UserId, DomainEvent>) id -> PasswordChanged.of(id, now),
                        "Your password was changed",
                        "Password changed"),
                Arguments.of(
                        (Function<UserId, DomainEvent>) id -> RefreshTokenReused.of(id, now),
                        "A session was signed out after suspicious activity",
                        "Session signed out after suspicious activity"));
    }

    @ParameterizedTest
    @MethodSource("securityEvents")
    void securityEventsAlertByEmailAndInApp(
            Function<UserId, DomainEvent> event, String subject, String title, Scenario scenario) {
        var user = user("en", "UTC");

        var email = publishAndAwaitEmail(scenario, event.apply(user.id()), user);

        assertThat(email.subject()).isEqualTo(subject);
        assertThat(email.text()).contains("This wasn't me").contains("/app/#/forgot-password");
        assertThat(email.html()).contains("This wasn&#39;t me");
        assertThat(email.text()).contains("Mar 14, 2026, 3:09 PM UTC");
        assertThat(email.header("List-Unsubscribe")).isNull();
        var notification = awaitNotification(user);
        assertThat(notification.title()).isEqualTo(title);
        assertThat(notification.category()).isEqualTo("security");
        assertThat(notification.link()).isEqualTo("#/forgot-password");
    }

    @Test
    void verifiedEmailGetsAWelcomeThatCanBeUnsubscribedInOneClick(Scenario scenario) {
        var user = user("en", "UTC");

        var email = publishAndAwaitEmail(scenario, EmailVerified.of(user.id()), user);

        assertThat(email.subject()).isEqualTo("Welcome to Lightpress, Ada");
        assertThat(email.header("List-Unsubscribe"))
                .matches("<http://127\\.0\\.0\\.1:\\d+/api/notifications/unsubscribe\\?token=[\\w.-]+>");
        assertThat(email.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(email.text()).contains("/app/#/settings/notifications");
        assertThat(awaitNotification(user).title()).isEqualTo("Welcome to Lightpress");
    }

    @Test
    void cancelledSubscriptionIsWorthAnEmailAndANotification(Scenario scenario) {
        var user = user("de", "Europe/Berlin");

        var email = publishAndAwaitEmail(
                scenario,
                SubscriptionStatusChanged.of(user.id(), SubscriptionStatus.ACTIVE, SubscriptionStatus.CANCELED, "pro"),
                user);

        assertThat(email.subject()).isEqualTo("Ihr Pro-Abonnement ist beendet");
        assertThat(email.text()).contains("/app/#/billing");
        var notification = awaitNotification(user);
        assertThat(notification.title()).isEqualTo("Abonnement beendet");
        assertThat(notification.link()).isEqualTo("#/billing");
    }

    @Test
    void subscriptionFallingPastDueIsOnlyNotifiedInApp(Scenario scenario) {
        var user = user("en", "UTC");
        var event =
                SubscriptionStatusChanged.of(user.id(), SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE, "team");

        scenario.publish(event)
                .andWaitForStateChange(() -> inbox.allOf(user.id()), list -> !list.isEmpty())
                .andVerify(list -> assertThat(list.get(0).title()).isEqualTo("Payment overdue"));

        assertThat(Mailbox.to(user.email())).isEmpty();
    }

    @Test
    void paidInvoiceSendsAReceiptWithAmountAndInvoiceLink(Scenario scenario) {
        var user = user("de", "Europe/Berlin");
        var paidAt = Instant.parse("2026-05-02T10:00:00Z");
        var event =
                InvoicePaid.of(user.id(), "in_123", "LP-0042", 1234, "eur", "https://invoice.example/in_123", paidAt);

        var email = publishAndAwaitEmail(scenario, event, user);

        assertThat(email.subject()).isEqualTo("Quittung für Rechnung LP-0042");
        assertThat(email.text())
                .contains("12,34\u00a0€")
                .contains("https://invoice.example/in_123")
                .contains("02.05.2026, 12:00 MESZ");
        assertThat(awaitNotification(user).body()).contains("12,34\u00a0€").contains("LP-0042");
    }

    @Test
    void failedPaymentSendsADunningEmailWithThePortalLink(Scenario scenario) {
        var user = user("en-US", "America/New_York");
        var next = Instant.parse("2026-06-01T16:00:00Z");
        var event = PaymentFailed.of(user.id(), "in_9", 2900, "usd", 1, next, "https://invoice.example/in_9");

        var email = publishAndAwaitEmail(scenario, event, user);

        assertThat(email.subject()).isEqualTo("Your payment of $29.00 failed");
        assertThat(email.text())
                .contains("/app/#/billing")
                .contains("https://invoice.example/in_9")
                .contains("We will try again on Jun 1, 2026, 12:00 PM EDT");
        assertThat(awaitNotification(user).title()).isEqualTo("Payment failed");
    }

    @Test
    void endingTrialAsksForAPaymentMethod(Scenario scenario) {
        var user = user("en", "UTC");
        var ends = Instant.parse("2026-07-10T00:00:00Z");

        var email = publishAndAwaitEmail(scenario, TrialEnding.of(user.id(), "pro", ends), user);

        assertThat(email.subject()).isEqualTo("Your Pro trial ends on Jul 10, 2026, 12:00 AM UTC");
        assertThat(email.text()).contains("/app/#/billing");
        assertThat(awaitNotification(user).title()).isEqualTo("Your trial ends soon");
    }

    @Test
    void eventForAUserWithoutProfileCompletesWithoutSendingAnything(Scenario scenario) {
        var unknown = new UserId(UUID.randomUUID());
        var event = PasswordChanged.of(unknown, Instant.now());

        publishAndAwaitCompletion(scenario, event);

        then(users).should().findProfile(unknown);
        assertThat(inbox.allOf(unknown)).isEmpty();
        assertThat(deliveries.allOf(unknown)).isEmpty();
    }
}
