package com.lightpress.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.billing.SubscriptionStatus;
import com.lightpress.billing.SubscriptionStatusChanged;
import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The web client at /app/ in a real browser against the whole application: what a person does,
 * from signing up to logging out, through auth's real login page and the real API. Screenshots of
 * the main screens go to target/screenshots/.
 */
@LightpressTest
class WebClientTests {

    static final Pattern RESET_LINK = Pattern.compile("(http://\\S+/app/#/reset-password\\?token=[^\\s\"<]+)");
    static final Pattern VERIFY_LINK = Pattern.compile("(http://\\S+/app/#/verify-email\\?token=[^\\s\"<]+)");

    static Chromium chromium;

    @Value("${local.server.port}")
    int port;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    UserAccounts accounts;

    ClientPage page;
    OAuthClient client;
    RestTestClient api;

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Each test is skipped (with how to install Chromium) on a machine without it. */
    @BeforeEach
    void newVisitor() {
        if (chromium == null) {
            chromium = Chromium.start();
        }
        page = new ClientPage(chromium.driver(), port);
        chromium.forgetEverything(page.base());
        client = new OAuthClient(port);
        api = Api.client(port);
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
    void savesNotificationPreferencesAndShowsAQuietHoursErrorNextToItsField() {
        var user = client.newUser("Frances");
        page.logInAt("#/settings/notifications", user.email(), user.password());
        assertThat(page.await(By.name("categories.security.email")).isEnabled()).isFalse();

        page.click(By.name("categories.billing.email"));
        page.click(By.name("quietHoursEnabled"));
        page.pick(By.name("quietHours.start"), "22:00");
        page.pick(By.name("quietHours.end"), "22:00");
        page.click(By.cssSelector("#preferences-form button[type=submit]"));
        assertThat(page.errorNextTo(By.name("quietHours.end"))).isEqualTo("The end must differ from start");

        page.pick(By.name("quietHours.end"), "07:00");
        page.click(By.cssSelector("#preferences-form button[type=submit]"));
        page.awaitText(By.id("preferences-status"), "Saved.");
        var saved = api.get()
                .uri("/api/notifications/preferences")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(saved)
                .contains("\"billing\":{\"email\":false,\"inApp\":true}")
                .contains("\"start\":\"22:00");
    }

    @Test
    void editsTheProfileWithItsETagAndShowsWhatChangedElsewhere() {
        var user = verifiedUser("Ada");
        page.logInAt("#/profile", user.email(), user.password());
        page.awaitAttribute(By.name("displayName"), "value", "Ada");

        page.type(By.name("displayName"), "Ada Lovelace");
        page.type(By.name("timeZone"), "Europe/London");
        page.click(By.id("save-profile"));
        page.awaitText(By.id("profile-status"), "Saved.");
        assertThat(profileOf(user)).contains("\"displayName\":\"Ada Lovelace\"", "\"timeZone\":\"Europe/London\"");
        page.script("window.scrollTo(0, 0);");
        chromium.screenshot("profile");

        page.type(By.name("timeZone"), "Mars/Olympus_Mons");
        page.click(By.id("save-profile"));
        assertThat(page.errorNextTo(By.name("timeZone")))
                .isEqualTo("Time zone must be an IANA time zone such as Europe/Berlin");

        changeNameElsewhere(user, "Countess of Lovelace");
        page.type(By.name("timeZone"), "Europe/Paris");
        page.type(By.name("displayName"), "Ada King");
        page.click(By.id("save-profile"));
        page.awaitText(By.cssSelector("#profile-form .form-alert"), "changed somewhere else");
        page.awaitAttribute(By.name("displayName"), "value", "Countess of Lovelace");
        assertThat(profileOf(user)).contains("\"displayName\":\"Countess of Lovelace\"");
    }

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

    @Test
    void showsPlansAndSaysClearlyThatBillingIsNotConfigured() {
        var user = client.newUser("Katherine");
        page.logInAt("#/billing", user.email(), user.password());
        page.awaitText(By.id("plans"), "Team");
        page.awaitText(By.id("current-plan"), "Free");

        page.click(By.cssSelector("button[data-plan='pro']"));
        page.await(By.id("billing-not-configured"));
        assertThat(page.await(By.cssSelector("button[data-plan='pro']")).isEnabled())
                .isFalse();
        chromium.screenshot("billing");
    }

    /**
     * The API wants a login within five minutes to close an account; a fresh test login always
     * is one, so the page's first DELETE answer is the API's refusal, stubbed in the page. The
     * re-authorization that follows and the retried DELETE are real.
     */
    @Test
    void closingTheAccountAsksForThePasswordAgainThenClosesIt() {
        var user = client.newUser("Hedy");
        page.logInAt("#/profile", user.email(), user.password());
        page.await(By.id("close-form"));
        page.script("""
                const real = window.fetch;
                window.fetch = (input, init) => {
                  if (String(input).endsWith('/api/users/me') && init && init.method === 'DELETE') {
                    window.fetch = real;
                    return Promise.resolve(new Response(JSON.stringify({status: 401, detail: 'Log in again.'}), {
                      status: 401,
                      headers: {'Content-Type': 'application/problem+json',
                        'WWW-Authenticate': 'Bearer error="insufficient_user_authentication", max_age=300'}}));
                  }
                  return real(input, init);
                };""");

        page.type(By.name("confirmation"), user.email());
        page.click(By.cssSelector("#close-form button[type=submit]"));
        page.awaitUrl("/login");
        page.type(By.id("email"), user.email());
        page.type(By.id("password"), user.password());
        chromium.driver()
                .findElement(By.cssSelector("form button[type=submit]"))
                .click();

        page.awaitText(By.id("banner"), "Your account is closed");
        assertThat(accounts.findProfile(UserId.of(user.id()))).isEmpty();
        page.await(By.id("login"));
    }

    /** A user who signed up through the API and confirmed the email with the link that was sent. */
    private TestUser verifiedUser(String name) {
        var user = client.newUser(name);
        var link = VERIFY_LINK.matcher(
                Mailbox.awaitSubject(user.email(), "Confirm your email address").text());
        assertThat(link.find()).isTrue();
        var token = URLDecoder.decode(
                link.group(1).substring(link.group(1).indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
        api.post()
                .uri("/api/auth/verify-email")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"token\": \"" + token + "\"}")
                .exchange()
                .expectStatus()
                .isNoContent();
        return user;
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private String profileOf(TestUser user) {
        return api.get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** Another tab or device changes the profile with the ETag it read. */
    private void changeNameElsewhere(TestUser user, String name) {
        var etag = api.get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .returnResult()
                .getResponseHeaders()
                .getETag();
        api.patch()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"displayName\": \"" + name + "\"}")
                .exchange()
                .expectStatus()
                .isOk();
    }
}
