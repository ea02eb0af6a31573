package com.lightpress.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.Mailbox;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.MediaType;

/**
 * Getting in and out of the web client in a real browser: the entry page, sign-up with the
 * confirmation link from the mailbox, auth's login page, a forgotten password and logout.
 */
@LightpressTest
class SignUpAndLoginTests extends BrowserTest {

    static final Pattern RESET_LINK = Pattern.compile("(http://\\S+/app/#/reset-password\\?token=[^\\s\"<]+)");

    @Test
    void opensAtAppSlashFromTheJar() {
        api.get()
                .uri("/app")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location(page.base() + "/app/");
        api.get()
                .uri("/app/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("<script type=\"module\" src=\"js/main.js\">"));
    }

    @Test
    void signsUpConfirmsTheEmailFromTheMailboxAndLogsInThroughTheLoginPage() {
        var email = "grace-" + UUID.randomUUID() + "@example.com";
        var password = "a long and memorable passphrase " + UUID.randomUUID();
        page.open("#/signup");
        page.type(By.name("email"), email);
        page.type(By.name("displayName"), "Grace Hopper");
        page.type(By.name("password"), password);
        page.click(By.cssSelector("#signup-form button[type=submit]"));
        page.awaitText(By.id("signup-done"), "Check your inbox");

        var mail = Mailbox.awaitSubject(email, "Confirm your email address");
        var link = VERIFY_LINK.matcher(mail.text());
        assertThat(link.find()).as("a verification link in %s", mail.text()).isTrue();
        chromium.driver().get(link.group(1));
        page.awaitText(By.id("verified"), "Your email address is confirmed");

        page.click(By.id("verified-login"));
        page.awaitUrl("/login");
        chromium.screenshot("login");
        page.logInOnAuthPage(email, password);

        page.awaitUrl("#/notifications");
        page.awaitText(By.id("notification-list"), "Welcome to Lightpress");
        assertThat(page.await(By.id("who")).getText()).isEqualTo("Grace Hopper");
        assertThat(page.all(By.id("verify-reminder"))).isEmpty();
        assertThat(page.script("return performance.getEntriesByType('resource').map(entry => entry.name);"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .isNotEmpty()
                .allSatisfy(url -> assertThat((String) url).startsWith(page.base() + "/"));
    }

    @Test
    void resetsAForgottenPasswordWithTheLinkFromTheMailbox() {
        var user = client.newUser("Alan");
        page.open("#/forgot-password");
        page.type(By.name("email"), user.email());
        page.click(By.cssSelector("#forgot-form button[type=submit]"));
        page.awaitText(By.id("reset-requested"), "a reset link is on its way");

        var mail = Mailbox.awaitSubject(user.email(), "Reset your password");
        var link = RESET_LINK.matcher(mail.text());
        assertThat(link.find()).as("a reset link in %s", mail.text()).isTrue();
        chromium.driver().get(link.group(1));
        page.type(By.name("newPassword"), "short");
        page.type(By.name("repeat"), "short");
        page.click(By.cssSelector("#reset-form button[type=submit]"));
        assertThat(page.errorNextTo(By.name("newPassword"))).startsWith("New password size must be between 12");

        var newPassword = "an entirely new passphrase " + UUID.randomUUID();
        page.type(By.name("newPassword"), newPassword);
        page.type(By.name("repeat"), newPassword);
        page.click(By.cssSelector("#reset-form button[type=submit]"));
        page.awaitText(By.id("password-reset"), "Your password is changed");
        page.click(By.cssSelector("#main button"));
        page.logInOnAuthPage(user.email(), newPassword);
        page.awaitUrl("#/notifications");
    }

    @Test
    void logsOutAtTheServerSoTheNextLoginAsksForThePassword() {
        var user = client.newUser("Margaret");
        page.logInAt("#/profile", user.email(), user.password());

        page.click(By.id("logout"));
        page.awaitText(By.id("banner"), "You have been logged out.");
        assertThat(chromium.driver().getCurrentUrl()).startsWith(page.base() + "/app/");

        page.click(By.id("login"));
        page.awaitUrl("/login");
        page.await(By.id("password"));
    }
}
