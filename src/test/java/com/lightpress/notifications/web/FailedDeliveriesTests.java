package com.lightpress.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.willCallRealMethod;
import static org.mockito.BDDMockito.willThrow;

import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * An email that fails on every attempt is retried with backoff, given up when its retry window
 * closes and shown to admins, who can replay it: however often they do, it is sent once.
 */
@LightpressTest(
        properties = {
            "lightpress.notifications.retry.first-delay=100ms",
            "lightpress.notifications.retry.max-delay=200ms",
            "lightpress.notifications.retry.give-up-after=1s",
            "lightpress.notifications.deferred-interval=100ms",
            "lightpress.platform.events.resubmit-interval=300ms",
            "lightpress.platform.events.resubmit-after=1s"
        })
class FailedDeliveriesTests {

    @Value("${local.server.port}")
    int port;

    @MockitoSpyBean
    JavaMailSender mail;

    @Autowired
    JdbcTemplate jdbc;

    RestTestClient api;
    OAuthClient client;

    @BeforeEach
    void connect() {
        api = Api.client(port);
        client = new OAuthClient(port);
    }

    @Test
    void emailThatKeepsFailingIsGivenUpListedForAdminsAndSentOnceWhenReplayed() {
        var doomed = "doomed-" + UUID.randomUUID() + "@example.com";
        willThrow(new MailSendException("550 mailbox unavailable"))
                .given(mail)
                .send(argThat((MimeMessage message) -> isFor(message, doomed)));
        client.signUp(doomed, "correct horse battery staple " + UUID.randomUUID(), "Doomed");
        var admin = admin();

        var failed = await().atMost(Duration.ofSeconds(30))
                .until(() -> failedDeliveriesTo(admin, doomed), found -> found != null);

        assertThat(failed.path("template").asString()).isEqualTo("verify-email");
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(failed.path("lastError").asString()).contains("550 mailbox unavailable");
        assertThat(failed.has("htmlBody")).isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> incompletePublicationsMentioning(doomed) == 0);
        assertThat(Mailbox.to(doomed)).isEmpty();

        willCallRealMethod().given(mail).send(argThat((MimeMessage message) -> isFor(message, doomed)));
        var id = failed.path("id").asString();
        var answers = java.util.stream.IntStream.range(0, 3)
                .parallel()
                .mapToObj(i -> replay(admin, id))
                .toList();

        assertThat(answers).containsOnly(200);
        Mailbox.awaitOne(doomed);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "SENT".equals(delivery(admin, id).path("status").asString()));
        assertThat(replay(admin, id)).isEqualTo(200);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> Mailbox.to(doomed).size() == 1);
    }

    @Test
    void replayingAnUnknownDeliveryIsNotFound() {
        api.post()
                .uri("/api/admin/notifications/deliveries/" + UUID.randomUUID() + "/replay")
                .header(HttpHeaders.AUTHORIZATION, admin().bearer())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private int replay(OAuthClient.TestUser admin, String id) {
        return api.post()
                .uri("/api/admin/notifications/deliveries/" + id + "/replay")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }

    private JsonNode delivery(OAuthClient.TestUser admin, String id) {
        return OAuthClient.json(Api.okBody(api.get().uri("/api/admin/notifications/deliveries/" + id), admin));
    }

    @Test
    void deliveriesAreForAdminsOnly() {
        var user = client.newUser("Curious");

        api.get()
                .uri("/api/admin/notifications/deliveries?status=failed")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
        api.get()
                .uri("/api/admin/notifications/deliveries?status=failed")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void unknownStatusIsRefusedByName() {
        api.get()
                .uri("/api/admin/notifications/deliveries?status=lost")
                .header(HttpHeaders.AUTHORIZATION, admin().bearer())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("status");
    }

    private OAuthClient.TestUser admin() {
        var email = "admin-" + UUID.randomUUID() + "@example.com";
        var password = "correct horse battery staple " + UUID.randomUUID();
        client.signUp(email, password, "Admin");
        jdbc.update(
                "INSERT INTO users.account_roles (account_id, role)"
                        + " SELECT id, 'ADMIN' FROM users.accounts WHERE email = ?",
                email);
        var tokens = client.logIn(email, password);
        return new OAuthClient.TestUser(tokens.subject(), email, password, tokens);
    }

    private JsonNode failedDeliveriesTo(OAuthClient.TestUser admin, String recipient) {
        var body = Api.okBody(api.get().uri("/api/admin/notifications/deliveries?status=failed"), admin);
        for (var delivery : OAuthClient.json(body)) {
            if (delivery.path("recipient").asString().equals(recipient)) {
                return delivery;
            }
        }
        return null;
    }

    private int incompletePublicationsMentioning(String email) {
        var user = jdbc.queryForObject("SELECT id FROM users.accounts WHERE email = ?", UUID.class, email);
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM lightpress.event_publication WHERE serialized_event LIKE ?",
                Integer.class,
                "%" + user + "%");
        return count == null ? 0 : count;
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return message != null
                    && Arrays.stream(message.getAllRecipients())
                            .anyMatch(it -> it.toString().equals(address));
        } catch (MessagingException e) {
            return false;
        }
    }
}
