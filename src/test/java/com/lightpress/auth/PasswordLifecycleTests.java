package com.lightpress.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.Api;
import com.lightpress.testing.Browser;
import com.lightpress.testing.EventRecorder;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Sign-up, email verification, password reset and password change over HTTP. */
@LightpressTest
class PasswordLifecycleTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    EventRecorder events;

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
    void signUpNormalizesTheEmailAndTellsTheOwnerOfAKnownAddress() {
        var email = "Mixed.Case-" + UUID.randomUUID() + "@Example.COM";
        var first = client.signUp("  " + email + " ", "a perfectly long passphrase", "Mixed");
        var again = client.signUp(email.toLowerCase(), "another long passphrase!", "Mixed Again");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body()).doesNotContain("id");
        var stored = jdbc.queryForList(
                "SELECT email FROM auth.credentials WHERE lower(email) = ?", String.class, email.toLowerCase());
        assertThat(stored).containsExactly(email.toLowerCase());
        var owner = userIdOf(email.toLowerCase());
        await().untilAsserted(() -> assertThat(events.all(SignUpAttemptedOnExistingAccount.class))
                .anyMatch(event -> event.userId().toString().equals(owner)));
    }

    @Test
    void weakOrCommonPasswordsAreRefusedByName() {
        for (var password : new String[] {"password1234", "aaaaaaaaaaaa", "qwertyuiop123", "lightpress12345"}) {
            api.post()
                    .uri("/api/auth/signup")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("email", UUID.randomUUID() + "@example.com", "password", password, "displayName", "W"))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("password");
        }
    }

    @Test
    void verificationTokenVerifiesOnceAndShowsInTheNextToken() {
        var user = client.newUser("To Verify");
        var token = verificationTokenOf(user);

        post("/api/auth/verify-email", Map.of("token", token)).expectStatus().isNoContent();
        post("/api/auth/verify-email", Map.of("token", token))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("token");

        assertThat(client.logIn(user.email(), user.password())
                        .claims()
                        .path("email_verified")
                        .asBoolean())
                .isTrue();
        assertThat(events.all(EmailVerified.class))
                .anyMatch(event -> event.userId().toString().equals(user.id()));
    }

    @Test
    void expiredVerificationTokenIsRefused() {
        var user = client.newUser("Too Late");
        var token = verificationTokenOf(user);
        jdbc.update(
                "UPDATE auth.one_time_tokens SET expires_at = now() - interval '1 second'"
                        + " WHERE credential_id = ?::uuid",
                user.id());

        post("/api/auth/verify-email", Map.of("token", token)).expectStatus().isBadRequest();
    }

    @Test
    void resendingTheVerificationEmailIsRateLimited() {
        var user = client.newUser("Impatient");

        api.post()
                .uri("/api/auth/verify-email/resend")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER);
        jdbc.update(
                "UPDATE auth.one_time_tokens SET created_at = now() - interval '2 minutes'"
                        + " WHERE credential_id = ?::uuid",
                user.id());
        api.post()
                .uri("/api/auth/verify-email/resend")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isAccepted();
        assertThat(events.all(EmailVerificationRequested.class))
                .anyMatch(event -> event.userId().toString().equals(user.id()));
    }

    @Test
    void passwordResetAnswersTheSameForAnyAddressAndWorksOnce() {
        var user = client.newUser("Reset Me");
        var unknown = post("/api/auth/password-reset", Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com"));
        var known =
                post("/api/auth/password-reset", Map.of("email", user.email().toUpperCase()));
        unknown.expectStatus().isAccepted();
        known.expectStatus().isAccepted();
        assertThat(known.returnResult(String.class).getResponseBody())
                .isEqualTo(unknown.returnResult(String.class).getResponseBody());

        var token = events.awaitOne(
                        PasswordResetRequested.class,
                        event -> event.userId().toString().equals(user.id()))
                .resetToken();
        var newPassword = "a completely new passphrase " + UUID.randomUUID();
        post("/api/auth/password-reset/confirm", Map.of("token", token, "newPassword", newPassword))
                .expectStatus()
                .isNoContent();

        assertThat(client.refresh(user.tokens().refreshToken()).statusCode()).isEqualTo(400);
        assertThat(events.all(PasswordChanged.class))
                .anyMatch(event -> event.userId().toString().equals(user.id()));
        assertThat(client.logIn(user.email(), newPassword).accessToken()).isNotBlank();
        var browser = new Browser(port);
        assertThat(Browser.location(browser.logIn(browser.get("/login"), user.email(), user.password())))
                .endsWith("/login?error");
        post("/api/auth/password-reset/confirm", Map.of("token", token, "newPassword", newPassword + "!"))
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        var user = client.newUser("Changer");
        var newPassword = "my next long passphrase " + UUID.randomUUID();

        change(user, "not my password", newPassword)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("currentPassword");
        change(user, user.password(), "password1234")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("newPassword");
        change(user, user.password(), newPassword).expectStatus().isNoContent();

        assertThat(client.refresh(user.tokens().refreshToken()).statusCode()).isEqualTo(400);
        assertThat(client.logIn(user.email(), newPassword).accessToken()).isNotBlank();
    }

    private RestTestClient.ResponseSpec change(TestUser user, String current, String next) {
        return api.post()
                .uri("/api/auth/password")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("currentPassword", current, "newPassword", next))
                .exchange();
    }

    private RestTestClient.ResponseSpec post(String path, Map<String, String> body) {
        return api.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    private String verificationTokenOf(TestUser user) {
        return events.all(UserSignedUp.class).stream()
                .filter(event -> event.userId().toString().equals(user.id()))
                .findFirst()
                .orElseThrow()
                .verificationToken();
    }

    private String userIdOf(String email) {
        return jdbc.queryForObject("SELECT id::text FROM auth.credentials WHERE email = ?", String.class, email);
    }
}
