package com.lightpress.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.billing.SubscriptionStatus;
import com.lightpress.billing.SubscriptionStatusChanged;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.Mailbox;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The screens fed by the other modules, in a real browser: the inbox updated live over the
 * stream, billing without Stripe, the admins' user list and their operations screen.
 */
@LightpressTest
class InboxBillingAndAdminTests extends BrowserTest {

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void showsANewNotificationLiveWithoutAReload() {
        var user = verifiedUser("Linus");
        page.logInAt("#/notifications", user.email(), user.password());
        page.awaitText(By.id("notification-list"), "Welcome to Lightpress");
        page.awaitText(By.id("unread-badge"), "1");
        page.awaitAttribute(By.id("site-nav"), "data-live", "connected");
        page.script("window.sameDocument = true;");

        publish(SubscriptionStatusChanged.of(UserId.of(user.id()), null, SubscriptionStatus.TRIALING, "pro"));
        page.awaitText(By.id("notification-list"), "Trial started");
        page.awaitText(By.id("unread-badge"), "2");
        publish(SubscriptionStatusChanged.of(
                UserId.of(user.id()), SubscriptionStatus.TRIALING, SubscriptionStatus.ACTIVE, "pro"));
        page.awaitText(By.id("notification-list"), "Subscription active");
        page.awaitText(By.id("unread-badge"), "3");
        assertThat(page.script("return window.sameDocument === true;")).isEqualTo(true);
        chromium.screenshot("inbox");

        page.click(By.xpath("//li[contains(., 'Trial started')]//button[starts-with(., 'Mark as read')]"));
        page.awaitText(By.id("unread-badge"), "2");
        chromium.phoneSize();
        page.awaitText(By.id("menu-badge"), "2");
        chromium.screenshot("inbox-phone");
        chromium.desktopSize();
        page.click(By.id("mark-all-read"));
        page.awaitGone(By.id("unread-badge"));
        page.click(By.xpath("//li[contains(., 'Trial started')]//button[starts-with(., 'Delete')]"));
        page.awaitGone(By.xpath("//li[contains(., 'Trial started')]"));
        assertThat(page.all(By.cssSelector("#notification-list li"))).hasSize(2);
    }

    @Test
    void showsPlansAndSaysClearlyThatBillingIsNotConfigured() {
        var user = client.newUser("Katherine");
        page.logInAt("#/billing", user.email(), user.password());
        page.awaitText(By.id("plans"), "Team");
        page.awaitText(By.id("current-plan"), "Free");

        page.await(By.id("billing-not-configured"));
        assertThat(page.await(By.cssSelector("button[data-plan='pro']")).isEnabled())
                .isFalse();
        chromium.screenshot("billing");
    }

    @Test
    void adminSendsAnEmailThatWasGivenUpOnAgainFromTheOperationsScreen() {
        var admin = client.admin();
        var recipient = "given-up-" + UUID.randomUUID() + "@example.com";
        var id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO notifications.deliveries (id, event_id, template, user_id, recipient, category,"
                        + " status, attempts, subject, html_body, text_body, last_error, created_at, updated_at,"
                        + " retry_until) VALUES (?, ?, 'welcome', ?, ?, 'account', 'FAILED', 14, 'Welcome back',"
                        + " '<p>Hello again</p>', 'Hello again', '421 try again later', now() - interval '1 day',"
                        + " now(), now())",
                id,
                UUID.randomUUID(),
                UUID.randomUUID(),
                recipient);

        page.logInAt("#/admin/operations", admin.email(), admin.password());
        page.awaitText(By.id("failed-deliveries"), recipient);
        page.awaitText(By.id("dead-letters-section"), "No event listener was given up on.");
        chromium.screenshot("admin-operations");
        page.click(By.xpath("//tr[@data-id='" + id + "']//button[starts-with(., 'Send again')]"));

        Mailbox.awaitSubject(recipient, "Welcome back");
        page.awaitGone(By.xpath("//tr[@data-id='" + id + "']"));
        page.awaitGone(By.id("queues-section"));
    }

    @Test
    void adminFindsAUserAndDisablesAndEnablesIt() {
        var admin = client.admin();
        var other = client.newUser("Barbara");
        page.logInAt("#/admin/users", admin.email(), admin.password());
        chromium.screenshot("admin-users");

        page.type(By.name("q"), other.email());
        page.click(By.cssSelector("#user-search button[type=submit]"));
        var row = By.cssSelector("tr[data-id='" + other.id() + "']");
        page.awaitText(row, "active");
        page.click(By.xpath("//tr[@data-id='" + other.id() + "']//button[starts-with(., 'Disable')]"));
        page.awaitText(row, "disabled");
        page.click(By.xpath("//tr[@data-id='" + other.id() + "']//button[starts-with(., 'Enable')]"));
        page.awaitText(row, "active");
        assertThat(accounts.findProfile(UserId.of(other.id()))
                        .orElseThrow()
                        .status()
                        .name())
                .isEqualTo("ACTIVE");
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }
}
