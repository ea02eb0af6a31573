package com.lightpress.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.Mailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Passkeys through real WebAuthn ceremonies in Chromium, with its virtual authenticator (a
 * platform authenticator that keeps discoverable keys and verifies its user): add one on the
 * security screen, log out, sign in with it alone (through the email field's autofill, and
 * through the button), then use it as the second step after the password, and remove it. Lightpress runs at {@code localhost}, since browsers refuse passkeys
 * for an IP address.
 */
@LightpressTest(properties = "lightpress.test.public-host=localhost")
class PasskeyScreenTests extends BrowserTest {

    private VirtualAuthenticator authenticator;

    @Override
    String host() {
        return "localhost";
    }

    @AfterEach
    void removeAuthenticator() {
        if (authenticator != null) {
            ((HasVirtualAuthenticator) chromium.driver()).removeVirtualAuthenticator(authenticator);
        }
    }

    @Test
    void registersAPasskeySignsInWithItAloneAndAfterThePasswordThenRemovesIt() {
        authenticator = ((HasVirtualAuthenticator) chromium.driver())
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true)
                        .setIsUserConsenting(true));
        var user = client.newUser("Passkey Holder");
        page.logInAt("#/security", user.email(), user.password());

        page.type(By.cssSelector("#add-passkey input[name=name]"), "Test laptop");
        page.click(By.cssSelector("#add-passkey button[type=submit]"));
        page.awaitText(By.id("passkeys"), "Test laptop");
        assertThat(authenticator.getCredentials())
                .singleElement()
                .satisfies(credential ->
                        assertThat(credential.isResidentCredential()).isTrue());
        chromium.screenshot("security-passkeys");
        Mailbox.awaitSubject(user.email(), "A passkey was added to your account");

        // the login page asks for the passkey through the email field's autofill (conditional
        // mediation), which the virtual authenticator answers without a click
        logOut();
        page.click(By.id("login"));
        page.awaitUrl("/app/");
        page.await(By.id("logout"));
        page.open("#/security");
        page.awaitText(By.id("passkeys"), "Test laptop");

        // unverified, the authenticator leaves the autofill unanswered; then the button
        logOut();
        authenticator.setUserVerified(false);
        page.click(By.id("login"));
        page.awaitUrl("/login");
        page.await(By.id("passkey-login"));
        chromium.screenshot("login-passkey");
        authenticator.setUserVerified(true);
        page.click(By.id("passkey-login"));
        page.awaitUrl("/app/");
        page.await(By.id("logout"));

        logOut();
        // the password first: unverified, the authenticator answers nothing until the second step
        authenticator.setUserVerified(false);
        page.click(By.id("login"));
        page.awaitUrl("/login");
        page.type(By.id("email"), user.email());
        page.type(By.id("password"), user.password());
        page.click(By.cssSelector("#login-form button[type=submit]"));
        page.awaitUrl("/login/second-factor");
        chromium.screenshot("login-second-factor-passkey");
        authenticator.setUserVerified(true);
        page.click(By.id("passkey-second-factor"));
        page.awaitUrl("/app/");
        page.await(By.id("logout"));

        page.open("#/security");
        page.awaitText(By.id("passkeys"), "Test laptop");
        page.click(By.cssSelector("#passkeys .remove"));
        page.await(By.id("no-passkeys"));
        Mailbox.awaitSubject(user.email(), "A passkey was removed from your account");
    }

    private void logOut() {
        page.click(By.id("logout"));
        page.awaitText(By.id("banner"), "You have been logged out.");
    }
}
