package com.lightpress.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.notifications.inbox.Inbox;
import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.users.UserId;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The emails of an account's life, through the real modules: the links notifications sends carry
 * tokens that auth accepts, and what auth then does is reported back.
 */
@LightpressTest
class AccountEmailJourneyTests {

    static final Pattern TOKEN = Pattern.compile("#/(?:verify-email|reset-password)\\?token=([^\\s\"<]+)");

    @Value("${local.server.port}")
    int port;

    @Autowired
    Inbox inbox;

    RestTestClient api;
    OAuthClient client;

    @BeforeEach
    void connect() {
        api = Api.client(port);
        client = new OAuthClient(port);
    }

    @Test
    void verificationLinkWorksAndIsFollowedByAWelcome() {
        var email = "journey-" + UUID.randomUUID() + "@example.com";
        client.signUp(email, "correct horse battery staple " + UUID.randomUUID(), "Journey");

        var verification = Mailbox.awaitSubject(email, "Confirm your email address");
        var token = token(verification.text());
        api.post()
                .uri("/api/auth/verify-email")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"token\": \"" + token + "\"}")
                .exchange()
                .expectStatus()
                .isNoContent();

        var welcome = Mailbox.awaitSubject(email, "Welcome to Lightpress, Journey");
        assertThat(welcome.header("List-Unsubscribe")).isNotNull();
    }

    @Test
    void resetLinkWorksAndThePasswordChangeRaisesASecurityAlert() {
        var user = client.newUser("Forgetful");
        api.post()
                .uri("/api/auth/password-reset")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": \"" + user.email() + "\"}")
                .exchange()
                .expectStatus()
                .isAccepted();

        var reset = Mailbox.awaitSubject(user.email(), "Reset your password");
        api.post()
                .uri("/api/auth/password-reset/confirm")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"token\": \"" + token(reset.text()) + "\", \"newPassword\": \"a brand new passphrase "
                        + UUID.randomUUID() + "\"}")
                .exchange()
                .expectStatus()
                .isNoContent();

        var alert = Mailbox.awaitSubject(user.email(), "Your password was changed");
        assertThat(alert.text()).contains("/app/#/forgot-password");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(inbox.allOf(UserId.of(user.id())))
                        .extracting(notification -> notification.title())
                        .contains("Password changed"));
    }

    @Test
    void signingUpAgainWithATakenAddressWarnsItsOwner() {
        var user = client.newUser("Original");

        client.signUp(user.email(), "another passphrase entirely " + UUID.randomUUID(), "Impostor");

        var warning = Mailbox.awaitSubject(user.email(), "Someone tried to sign up with your email address");
        assertThat(warning.text())
                .as("neither name: the owner has not confirmed the address, the impostor typed the other")
                .startsWith("Hello,")
                .doesNotContain("Original")
                .doesNotContain("Impostor");
    }

    private static String token(String text) {
        var matcher = TOKEN.matcher(text);
        assertThat(matcher.find()).as("a link with a token in %s", text).isTrue();
        return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }
}
