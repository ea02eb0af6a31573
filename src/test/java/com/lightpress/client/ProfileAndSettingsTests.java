package com.lightpress.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The user's own settings in a real browser: the profile with its ETag round trip and errors next
 * to their fields, notification preferences, and closing the account with a fresh login.
 */
@LightpressTest
class ProfileAndSettingsTests extends BrowserTest {

    @Autowired
    UserAccounts accounts;

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
