package com.lightpress.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.auth.EmailVerified;
import com.lightpress.auth.PasswordChanged;
import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.users.UserId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The unsubscribe link of a real email works without a login, one click as RFC 8058 describes,
 * for its own user and category only; a changed link is refused.
 */
@LightpressTest
class UnsubscribeTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    RestTestClient api;
    OAuthClient client;

    @BeforeEach
    void connect() {
        api = Api.client(port);
        client = new OAuthClient(port);
    }

    @Test
    void oneClickUnsubscribeWithoutLoginTurnsOffOnlyThatCategorysEmail() throws Exception {
        var user = client.newUser("Leaver");
        var bystander = client.newUser("Bystander");
        var link = unsubscribeLinkOfWelcome(user, "Leaver");

        var oneClick = HttpRequest.newBuilder(URI.create(link))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build();
        var response = HttpClient.newHttpClient().send(oneClick, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type)
                        .as("a mail client that sends no Accept gets the machine answer")
                        .startsWith(MediaType.APPLICATION_JSON_VALUE));
        assertThat(OAuthClient.json(response.body()).path("category").asString())
                .isEqualTo("account");
        preferences(user)
                .jsonPath("$.categories.account.email")
                .isEqualTo(false)
                .jsonPath("$.categories.account.inApp")
                .isEqualTo(true)
                .jsonPath("$.categories.billing.email")
                .isEqualTo(true);
        preferences(bystander).jsonPath("$.categories.account.email").isEqualTo(true);
    }

    @Test
    void unsubscribedCategoryStaysQuietWhileSecurityMailStillArrives() {
        var user = client.newUser("Quiet Please");
        var link = unsubscribeLinkOfWelcome(user, "Quiet Please");
        api.post()
                .uri(link)
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.category")
                .isEqualTo("account")
                .jsonPath("$.email")
                .isEqualTo(false);

        publish(EmailVerified.of(UserId.of(user.id())));
        publish(PasswordChanged.of(UserId.of(user.id()), Instant.now()));

        Mailbox.awaitSubject(user.email(), "Your password was changed");
        assertThat(Mailbox.to(user.email()))
                .extracting(Mailbox.Email::subject)
                .containsOnlyOnce("Welcome to Lightpress, Quiet Please");
    }

    @Test
    void followingTheLinkOnlyAsksAndTheFormThenUnsubscribes() {
        var user = client.newUser("Clicker");
        var link = unsubscribeLinkOfWelcome(user, "Clicker");

        var page = api.get()
                .uri(link)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page)
                .contains("Stop sending account emails to this address?")
                .contains("method=\"post\"");
        preferences(user).jsonPath("$.categories.account.email").isEqualTo(true);

        var done = api.post()
                .uri(link)
                .accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("List-Unsubscribe=One-Click")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(done).contains("you will get no more account emails");
        preferences(user).jsonPath("$.categories.account.email").isEqualTo(false);
    }

    @Test
    void changedLinkIsRefused() {
        var user = client.newUser("Tamperer");
        var link = unsubscribeLinkOfWelcome(user, "Tamperer");
        var start = link.indexOf("token=") + "token=".length();
        var tampered = link.substring(0, start) + (link.charAt(start) == 'A' ? 'B' : 'A') + link.substring(start + 1);

        api.post()
                .uri(tampered)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("token");
        api.get().uri(tampered).exchange().expectStatus().isBadRequest();
        preferences(user).jsonPath("$.categories.account.email").isEqualTo(true);
    }

    private String unsubscribeLinkOfWelcome(TestUser user, String name) {
        client.verifyEmail(user.email());
        var welcome = Mailbox.awaitSubject(user.email(), "Welcome to Lightpress, " + name);
        assertThat(welcome.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        var header = welcome.header("List-Unsubscribe");
        assertThat(header).startsWith("<http://127.0.0.1:" + port + "/api/notifications/unsubscribe?token=");
        return header.substring(1, header.length() - 1);
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private RestTestClient.BodyContentSpec preferences(TestUser user) {
        return api.get()
                .uri("/api/notifications/preferences")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }
}
