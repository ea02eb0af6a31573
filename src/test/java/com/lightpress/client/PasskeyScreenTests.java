package com.lightpress.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.Mailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Passkeys through real WebAuthn ceremonies in Chromium, with its virtual authenticator (a
 * platform authenticator that keeps discoverable keys and verifies its user): add one on the
 * security screen (which shows the recovery codes that come with a first second factor), log out,
 * sign in with it alone (through the email field's autofill, and through the button), then use it,
 * and then one of the recovery codes, as the second step after the password, and remove it, which takes the codes along. Lightpress runs at {@code localhost}, since
 * browsers refuse passkeys for an IP address.
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
        page.await(By.id("recovery-codes"));
        var codes = page.all(By.cssSelector("#recovery-codes li")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(codes)
                .as("the first second factor brings the recovery codes")
                .hasSize(10);
        page.click(By.id("codes-saved"));
        page.awaitText(By.id("passkeys"), "Test laptop");
        page.awaitText(By.id("codes-left"), "10 of 10 recovery codes left");
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
        page.passwordUpToSecondStep(user.email(), user.password());
        chromium.screenshot("login-second-factor-passkey");
        authenticator.setUserVerified(true);
        page.click(By.id("passkey-second-factor"));
        page.awaitUrl("/app/");
        page.await(By.id("logout"));

        logOut();
        // or, the passkey out of reach, one of its recovery codes in the second step's plain form
        authenticator.setUserVerified(false);
        page.click(By.id("login"));
        page.passwordUpToSecondStep(user.email(), user.password());
        page.type(By.id("code"), codes.get(0));
        page.click(By.cssSelector("#code-form button[type=submit]"));
        page.awaitUrl("/app/");
        page.await(By.id("logout"));
        authenticator.setUserVerified(true);
        Mailbox.awaitSubject(user.email(), "A recovery code was used to sign in");

        page.open("#/security");
        page.awaitText(By.id("passkeys"), "Test laptop");
        page.click(By.cssSelector("#passkeys .remove"));
        page.await(By.id("no-passkeys"));
        assertThat(page.all(By.id("codes-heading")))
                .as("the last second factor took the recovery codes")
                .isEmpty();
        Mailbox.awaitSubject(user.email(), "A passkey was removed from your account");
    }

    private void logOut() {
        page.click(By.id("logout"));
        page.awaitText(By.id("banner"), "You have been logged out.");
    }
}
