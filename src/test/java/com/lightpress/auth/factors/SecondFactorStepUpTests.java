package com.lightpress.auth.factors;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.auth.RecoveryCodeUsed;
import com.lightpress.auth.SecondFactorRemoved;
import com.lightpress.testing.Browser;
import com.lightpress.testing.ControlledClock;
import com.lightpress.testing.EventRecorder;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.MutableClock;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.OAuthClient.Tokens;
import com.lightpress.users.UserId;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recovery codes, step-up (RFC 9470) for closing the account, changing the password, managing
 * factors and the admin API, removal, export and closure of second-factor data, and codes sent
 * concurrently. Shares its application context with {@link SecondFactorLoginTests}.
 */
@LightpressTest(properties = "lightpress.auth.login.address-max-failures=1000")
@Import(ControlledClock.class)
class SecondFactorStepUpTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    EventRecorder events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SecondFactors secondFactors;

    SecondFactorClient factors;

    @BeforeEach
    void connect() {
        factors = new SecondFactorClient(port, clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void closingTheAccountWithAPasswordOnlyLoginIsRefusedUntilTheSecondFactor() {
        var user = factors.oauth().newUser("Closer");
        var enrolled = factors.enrol(user);
        var refreshed = refreshed(user);
        assertThat(refreshed.claims().path("second_factor_required").asBoolean())
                .isTrue();
        assertThat(SecondFactorClient.amr(refreshed)).containsExactly("pwd");
        var export = factors.call("GET", "/api/users/me/export", "Bearer " + refreshed.accessToken(), null);
        var section = OAuthClient.json(export.body()).path("secondFactors");
        assertThat(section.path("authenticator-app").path("addedAt").isMissingNode())
                .isFalse();
        assertThat(section.path("recoveryCodes").path("left").asInt()).isEqualTo(10);
        assertThat(export.body())
                .doesNotContain(enrolled.secret())
                .doesNotContain(enrolled.recoveryCodes().get(0));

        var refused = factors.call("DELETE", "/api/users/me", "Bearer " + refreshed.accessToken(), null);
        assertInsufficient(refused);

        var stepped = factors.logIn(
                new Browser(port),
                user,
                factors.code(enrolled.secret()),
                Map.of("acr_values", "urn:lightpress:acr:2fa"));
        assertThat(stepped.claims().path("acr").asString()).isEqualTo("urn:lightpress:acr:2fa");
        assertThat(factors.call("DELETE", "/api/users/me", "Bearer " + stepped.accessToken(), null)
                        .statusCode())
                .isEqualTo(204);
        org.awaitility.Awaitility.await()
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT (SELECT count(*) FROM auth.totp_authenticators WHERE credential_id = ?::uuid)"
                                        + " + (SELECT count(*) FROM auth.recovery_codes WHERE credential_id = ?::uuid)",
                                Integer.class,
                                user.id(),
                                user.id()))
                        .isZero());
    }

    @Test
    void changingThePasswordOrRegeneratingCodesNeedsTheSecondFactor() {
        var user = factors.oauth().newUser("Stepper");
        var enrolled = factors.enrol(user);
        var passwordOnly = refreshed(user).accessToken();

        assertInsufficient(factors.call(
                "POST",
                "/api/auth/password",
                "Bearer " + passwordOnly,
                "{\"currentPassword\":\"" + user.password() + "\",\"newPassword\":\"another long passphrase 77\"}"));
        assertInsufficient(factors.call("POST", "/api/auth/factors/recovery-codes", "Bearer " + passwordOnly, null));
        assertInsufficient(
                factors.call("DELETE", "/api/auth/factors/authenticator-app", "Bearer " + passwordOnly, null));

        var stepped = factors.logIn(new Browser(port), user, factors.code(enrolled.secret()), Map.of());
        var renewed = factors.call("POST", "/api/auth/factors/recovery-codes", "Bearer " + stepped.accessToken(), null);
        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(OAuthClient.json(renewed.body()).path("recoveryCodes").size())
                .isEqualTo(10);
        var oldCode = enrolled.recoveryCodes().get(0);
        assertThat(secondFactors.prove(new UserId(java.util.UUID.fromString(user.id())), oldCode))
                .isEmpty();
    }

    @Test
    void aRecoveryCodeStandsInForTheAppOnceAndTheOwnerIsTold() {
        var user = factors.oauth().newUser("Lost Phone");
        var enrolled = factors.enrol(user);
        var code = enrolled.recoveryCodes().get(3);

        var tokens = factors.logIn(new Browser(port), user, code.toUpperCase(), Map.of());
        assertThat(SecondFactorClient.amr(tokens)).containsExactly("pwd", "otp", "mfa");
        var used = events.awaitOne(
                RecoveryCodeUsed.class, event -> event.userId().toString().equals(user.id()));
        assertThat(used.remaining()).isEqualTo(9);
        Mailbox.awaitSubject(user.email(), "A recovery code was used to sign in");

        var again = new Browser(port);
        factors.toSecondStep(again, user, OAuthClient.challenge("v"), Map.of());
        assertThat(Browser.location(factors.enterCode(again, code))).endsWith("?error");
    }

    @Test
    void removingTheAppEndsTheSecondStepAndTellsTheOwner() {
        var user = factors.oauth().newUser("Remover");
        var enrolled = factors.enrol(user);
        var stepped = factors.logIn(new Browser(port), user, factors.code(enrolled.secret()), Map.of());

        var removed =
                factors.call("DELETE", "/api/auth/factors/authenticator-app", "Bearer " + stepped.accessToken(), null);
        assertThat(removed.statusCode()).isEqualTo(204);
        events.awaitOne(
                SecondFactorRemoved.class, event -> event.userId().toString().equals(user.id()));
        Mailbox.awaitSubject(user.email(), "A second factor was removed from your account");
        var plain = factors.oauth().logIn(user.email(), user.password());
        assertThat(SecondFactorClient.amr(plain)).containsExactly("pwd");
        assertThat(plain.claims().path("acr").asString()).isEqualTo("urn:lightpress:acr:1fa");
        assertThat(plain.claims().path("second_factor_required").asBoolean()).isFalse();
    }

    @Test
    void theAdminApiNeedsTheSecondFactorOfAnAdminWhoHasOne() {
        var admin = factors.oauth().admin();
        var enrolled = factors.enrol(admin);
        try {
            var passwordOnly = refreshed(admin).accessToken();
            assertInsufficient(factors.call("GET", "/api/admin/users", "Bearer " + passwordOnly, null));
            var stepped = factors.logIn(new Browser(port), admin, factors.code(enrolled.secret()), Map.of());
            assertThat(factors.call("GET", "/api/admin/users", "Bearer " + stepped.accessToken(), null)
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            secondFactors.removeAuthenticatorApp(new UserId(java.util.UUID.fromString(admin.id())));
        }
    }

    @Test
    void theSameCodeSentManyTimesAtOnceCountsOnce() throws Exception {
        var user = factors.oauth().newUser("Racer");
        var enrolled = factors.enrol(user);
        var id = new UserId(java.util.UUID.fromString(user.id()));
        assertThat(concurrently(id, factors.code(enrolled.secret()))).isEqualTo(1);
        assertThat(concurrently(id, enrolled.recoveryCodes().get(0))).isEqualTo(1);
    }

    private long concurrently(UserId user, String code) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var results = new ArrayList<Future<Optional<SecondFactors.Factor>>>();
            for (int i = 0; i < 4; i++) {
                Callable<Optional<SecondFactors.Factor>> attempt = () -> {
                    start.await();
                    return secondFactors.prove(user, code);
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            long accepted = 0;
            for (var result : results) {
                accepted += result.get().isPresent() ? 1 : 0;
            }
            return accepted;
        } finally {
            pool.shutdown();
        }
    }

    /** The tokens a refresh gives: the same password-only login, read again after enrolment. */
    private Tokens refreshed(TestUser user) {
        var response = factors.oauth().refresh(user.tokens().refreshToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Tokens.of(response.body());
    }

    private static void assertInsufficient(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
                .contains("error=\"insufficient_user_authentication\"")
                .contains("acr_values=\"urn:lightpress:acr:2fa\"");
        assertThat(OAuthClient.json(response.body()).path("status").asInt()).isEqualTo(401);
    }
}
