package com.lightpress.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.Api;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.SplitDeployment;
import com.lightpress.testing.StripeScenarios;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A user's journey through every module, seen only from outside: the same test passes with
 * Lightpress in one process and with notifications in a process of its own. Requests go to the
 * process that serves each path, as the load balancer would send them.
 */
class JourneyTests {

    private static final Pattern TOKEN = Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]+)");

    SplitDeployment deployment;

    @AfterEach
    void stop() {
        deployment.close();
    }

    @ParameterizedTest(name = "with {0} extracted")
    @ValueSource(strings = {"nothing", "notifications"})
    void signUpVerifyEditProfilePayAndReadTheInbox(String extracted) {
        deployment = extracted.equals("nothing")
                ? SplitDeployment.extracting().startMain()
                : SplitDeployment.extracting(extracted).startBoth();
        var user = new OAuthClient(deployment.portOf("auth")).newUser("Journey " + extracted);

        var verification = Mailbox.awaitSubject(user.email(), "Confirm your email address");
        var token = TOKEN.matcher(verification.text());
        assertThat(token.find()).as(verification.text()).isTrue();
        Api.client(deployment.portOf("auth"))
                .post()
                .uri("/api/auth/verify-email")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("token", token.group(1)))
                .exchange()
                .expectStatus()
                .isNoContent();

        editProfile(user);

        var number = payInvoice(user);
        // German, because the profile now says de-DE
        Mailbox.awaitSubject(user.email(), "Quittung für Rechnung " + number);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(get(user, "notifications", "/api/notifications/unread-count"))
                        .containsPattern("[1-9]"));
        assertThat(get(user, "notifications", "/api/notifications")).contains(number);
    }

    private void editProfile(TestUser user) {
        var users = Api.client(deployment.portOf("users"));
        var etag = users.get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        users.patch()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("locale", "de-DE", "timeZone", "Europe/Berlin"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.locale")
                .isEqualTo("de-DE");
    }

    private String payInvoice(TestUser user) {
        var customer = StripeScenarios.customerOf(deployment.main().jdbc(), user.id());
        return StripeScenarios.payInvoice(deployment.portOf("billing"), customer);
    }

    private String get(TestUser user, String module, String path) {
        return Api.client(deployment.portOf(module))
                .get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
    }
}
