package com.lightpress.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.LightpressTest;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The security screen and the login's code step in a real browser: set up an authenticator app
 * from the QR code's key, keep the recovery codes, then log in again (a new visitor) with password and code and
 * renew the recovery codes, which needs that second factor.
 */
@LightpressTest
class SecurityScreenTests extends BrowserTest {

    @Test
    void setsUpAnAuthenticatorAppAndLogsInWithItsCode() throws Exception {
        var user = client.newUser("Careful");
        page.logInAt("#/security", user.email(), user.password());
        page.click(By.cssSelector("#enrol-start button[type=submit]"));
        assertThat(page.await(By.id("enrol-qr")).getDomAttribute("src")).startsWith("data:image/png;base64,");
        var secret = page.await(By.id("enrol-secret")).getText();
        page.type(By.name("code"), code(secret, 0));
        page.click(By.cssSelector("#enrol-confirm button[type=submit]"));
        page.await(By.id("recovery-codes"));
        assertThat(page.all(By.cssSelector("#recovery-codes li"))).hasSize(10);
        chromium.screenshot("security-recovery-codes");
        page.click(By.id("codes-saved"));
        page.awaitText(By.id("app-status"), "Signing in asks for a code");

        chromium.forgetEverything(page.base());
        page.open("#/security");
        page.click(By.id("login-to-continue"));
        page.passwordUpToSecondStep(user.email(), user.password());
        chromium.screenshot("login-second-factor");
        page.type(By.id("code"), code(secret, 1));
        page.click(By.cssSelector("form button[type=submit]"));
        page.await(By.id("logout"));

        page.open("#/security");
        page.click(By.cssSelector("#renew-codes button[type=submit]"));
        page.await(By.id("recovery-codes"));
        assertThat(page.all(By.cssSelector("#recovery-codes li"))).hasSize(10);
    }

    /** What the user's authenticator app shows, {@code steps} 30-second steps from now. */
    private static String code(String secret, int steps) throws Exception {
        return new DefaultCodeGenerator().generate(secret, Instant.now().getEpochSecond() / 30 + steps);
    }
}
