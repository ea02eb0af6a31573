package com.lightpress.auth.factors;

import static org.assertj.core.api.Assertions.assertThat;

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
import com.lightpress.testing.SoftwarePasskey;
import com.lightpress.users.UserId;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Recovery codes (which belong to the account having a second factor, whichever its kind), step-up
 * (RFC 9470) for closing the account, changing the password, managing factors and the admin API,
 * removal, export and closure of second-factor data, and codes and factors sent concurrently.
 * Shares its application context with {@link SecondFactorLoginTests}.
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
        factors.assertRecoveryCodeSpent(events, user, code);
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
    void recoveryCodesBelongToTheAccountSoTheyOutliveTheAppWhileAPasskeyRemains() {
        var user = factors.oauth().newUser("Both Factors");
        var enrolled = factors.enrol(user);
        var passkey = new SoftwarePasskey("http://127.0.0.1:" + port);
        assertThat(factors.addPasskey(user.bearer(), passkey, "Phone").has("recoveryCodes"))
                .as("the app brought the codes")
                .isFalse();
        var stepped = factors.logIn(new Browser(port), user, factors.code(enrolled.secret()), Map.of());
        var bearer = "Bearer " + stepped.accessToken();

        assertThat(factors.call("DELETE", "/api/auth/factors/authenticator-app", bearer, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(factors.status(bearer).path("recoveryCodesLeft").asInt()).isEqualTo(10);
        var tokens =
                factors.logIn(new Browser(port), user, enrolled.recoveryCodes().get(0), Map.of());
        assertThat(SecondFactorClient.amr(tokens)).containsExactly("pwd", "otp", "mfa");

        var secondApp = factors.enrol(user);
        assertThat(secondApp.recoveryCodes())
                .as("an app added to an account with a passkey leaves its codes as they are")
                .isEmpty();
        assertThat(factors.status(bearer).path("recoveryCodesLeft").asInt()).isEqualTo(9);
        var id = new UserId(java.util.UUID.fromString(user.id()));
        assertThat(secondFactors.prove(id, enrolled.recoveryCodes().get(1)))
                .contains(SecondFactors.Factor.RECOVERY_CODE);
    }

    @Test
    void anAppAndAPasskeyAddedAtOnceHandOutOneSetOfCodes() throws Exception {
        for (int round = 0; round < 3; round++) {
            var user = factors.oauth().newUser("Hasty " + round);
            var started = factors.call("POST", "/api/auth/factors/authenticator-app", user.bearer(), null);
            var secret = OAuthClient.json(started.body()).path("secret").asString();
            var options = factors.call("POST", "/api/auth/factors/passkeys/options", user.bearer(), null);
            var credential = new SoftwarePasskey("http://127.0.0.1:" + port).create(OAuthClient.json(options.body()));
            var app = "{\"code\":\"" + factors.code(secret) + "\"}";
            var passkey = JsonMapper.shared().writeValueAsString(Map.of("name", "Phone", "credential", credential));

            var answers = atOnce(
                    () -> factors.call("POST", "/api/auth/factors/authenticator-app/confirm", user.bearer(), app),
                    () -> factors.call("POST", "/api/auth/factors/passkeys", user.bearer(), passkey));

            var handedOut = new ArrayList<String>();
            for (var answer : answers) {
                assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
                handedOut.addAll(SecondFactorClient.codesOf(OAuthClient.json(answer.body())));
            }
            assertThat(handedOut).as("one set, from whichever came first").hasSize(10);
            assertThat(factors.status(user.bearer()).path("recoveryCodesLeft").asInt())
                    .isEqualTo(10);
            var id = new UserId(java.util.UUID.fromString(user.id()));
            assertThat(secondFactors.prove(id, handedOut.get(0))).contains(SecondFactors.Factor.RECOVERY_CODE);
        }
    }

    @SafeVarargs
    private static List<HttpResponse<String>> atOnce(Callable<HttpResponse<String>>... calls) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(calls.length);
        try {
            var futures = new ArrayList<Future<HttpResponse<String>>>();
            for (var call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            var answers = new ArrayList<HttpResponse<String>>();
            for (var future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
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
