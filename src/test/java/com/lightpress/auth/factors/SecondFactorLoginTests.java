package com.lightpress.auth.factors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lightpress.auth.SecondFactorAdded;
import com.lightpress.testing.Browser;
import com.lightpress.testing.ControlledClock;
import com.lightpress.testing.EventRecorder;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.MutableClock;
import com.lightpress.testing.OAuthClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Enrolling an authenticator app and logging in with it through the real pages: the QR code is
 * drawn by Lightpress, the secret is stored sealed, the login asks for the code after the password
 * (plain forms, no JavaScript), a code counts once, and wrong codes are throttled. Time moves by
 * the controlled clock.
 */
@LightpressTest(properties = "lightpress.auth.login.address-max-failures=1000")
@Import(ControlledClock.class)
class SecondFactorLoginTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    EventRecorder events;

    @Autowired
    JdbcTemplate jdbc;

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
    void enrolmentShowsALocallyDrawnQrCodeAndKeepsTheSecretSealed() throws Exception {
        var user = factors.oauth().newUser("Enrolling");
        var started = factors.call("POST", "/api/auth/factors/authenticator-app", user.bearer(), null);
        var body = OAuthClient.json(started.body());
        var secret = body.path("secret").asString();
        var qr = body.path("qrCode").asString();

        assertThat(qr).startsWith("data:image/png;base64,");
        var image =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1))));
        var decoded = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
        assertThat(decoded)
                .isEqualTo(body.path("uri").asString())
                .startsWith("otpauth://totp/")
                .contains(secret);
        var sealed = jdbc.queryForObject(
                "SELECT sealed_secret FROM auth.totp_authenticators WHERE credential_id = ?::uuid",
                byte[].class,
                user.id());
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);

        var wrong = factors.call(
                "POST", "/api/auth/factors/authenticator-app/confirm", user.bearer(), "{\"code\":\"000000\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(OAuthClient.json(wrong.body())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("code");
        assertThat(loginsAskForCode(user)).isFalse();

        var confirmed = factors.call(
                "POST",
                "/api/auth/factors/authenticator-app/confirm",
                user.bearer(),
                "{\"code\":\"" + factors.code(secret) + "\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(OAuthClient.json(confirmed.body()).path("recoveryCodes").size())
                .isEqualTo(10);
        assertThat(factors.call("POST", "/api/auth/factors/authenticator-app", user.bearer(), null)
                        .statusCode())
                .isEqualTo(409);
        events.awaitOne(
                SecondFactorAdded.class, event -> event.userId().toString().equals(user.id()));
        var mail = Mailbox.awaitSubject(user.email(), "A second factor was added to your account");
        assertThat(mail.text()).contains("authenticator app").contains("This wasn't me", "#/forgot-password");
    }

    @Test
    void theLoginAsksForTheCodeAfterThePasswordAndTokensSayHow() {
        var user = factors.oauth().newUser("Two Steps");
        var enrolled = factors.enrol(user);
        var browser = new Browser(port);
        var verifier = OAuthClient.randomString();

        var atStep = factors.toSecondStep(browser, user, OAuthClient.challenge(verifier), Map.of());
        assertThat(Browser.location(atStep)).endsWith("/login/second-factor");
        var page = browser.get("/login/second-factor");
        assertThat(page.body()).contains("name=\"code\"").doesNotContain("<script");
        var skipped = browser.get(factors.oauth().authorizeUrl(OAuthClient.challenge(verifier), Map.of()));
        assertThat(Browser.location(skipped))
                .as("the password alone gets no code")
                .endsWith("/login/second-factor");

        assertThat(Browser.location(factors.enterCode(browser, "123456"))).endsWith("/login/second-factor?error");
        var done = browser.followUntil(
                factors.enterCode(browser, factors.code(enrolled.secret())),
                location -> location.startsWith("http://127.0.0.1:" + port + "/app/"));
        var tokens = factors.exchange(done, verifier);

        assertThat(SecondFactorClient.amr(tokens)).containsExactly("pwd", "otp", "mfa");
        assertThat(tokens.claims().path("acr").asString()).isEqualTo("urn:lightpress:acr:2fa");
        assertThat(tokens.claims().path("second_factor_required").asBoolean()).isTrue();
        var idToken = OAuthClient.json(
                new String(Base64.getUrlDecoder().decode(tokens.idToken().split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(idToken.path("acr").asString()).isEqualTo("urn:lightpress:acr:2fa");
    }

    @Test
    void aCodeCountsOnceAndOnlyOneStepEitherSide() {
        var user = factors.oauth().newUser("Replayer");
        var enrolled = factors.enrol(user);
        var code = factors.code(enrolled.secret());
        factors.logIn(new Browser(port), user, code, Map.of());

        var again = new Browser(port);
        factors.toSecondStep(again, user, OAuthClient.challenge("v"), Map.of());
        assertThat(Browser.location(factors.enterCode(again, code))).endsWith("?error");
        assertThat(Browser.location(factors.enterCode(again, factors.codeAt(enrolled.secret(), 2))))
                .endsWith("?error");
        assertThat(Browser.location(factors.enterCode(again, factors.codeAt(enrolled.secret(), 1))))
                .doesNotEndWith("?error");
        var third = new Browser(port);
        factors.toSecondStep(third, user, OAuthClient.challenge("v"), Map.of());
        assertThat(Browser.location(factors.enterCode(third, factors.codeAt(enrolled.secret(), 0))))
                .as("an older step than the last one used")
                .endsWith("?error");
    }

    @Test
    void wrongCodesAreThrottledPerAccountUntilTheWindowEnds() {
        var user = factors.oauth().newUser("Guesser");
        var enrolled = factors.enrol(user);
        var browser = new Browser(port);
        factors.toSecondStep(browser, user, OAuthClient.challenge("v"), Map.of());
        for (int i = 0; i < 5; i++) {
            assertThat(Browser.location(factors.enterCode(browser, String.format("%06d", i))))
                    .endsWith("?error");
        }

        var refused = factors.enterCode(browser, factors.code(enrolled.secret()));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many wrong codes");

        clock.advance(Duration.ofMinutes(16));
        assertThat(Browser.location(factors.enterCode(browser, factors.code(enrolled.secret()))))
                .doesNotContain("second-factor");
    }

    @Test
    void discoveryListsTheAuthenticationContextsLightpressAssigns() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://127.0.0.1:" + port + "/.well-known/openid-configuration"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(OAuthClient.json(response.body())
                        .path("acr_values_supported")
                        .toString())
                .contains("urn:lightpress:acr:1fa", "urn:lightpress:acr:2fa");
    }

    private boolean loginsAskForCode(OAuthClient.TestUser user) {
        var response = factors.toSecondStep(new Browser(port), user, OAuthClient.challenge("v"), Map.of());
        return Browser.location(response).endsWith("/login/second-factor");
    }
}
