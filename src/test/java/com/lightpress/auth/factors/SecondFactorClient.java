package com.lightpress.auth.factors;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.auth.RecoveryCodeUsed;
import com.lightpress.testing.Browser;
import com.lightpress.testing.EventRecorder;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.MutableClock;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.OAuthClient.Tokens;
import com.lightpress.testing.SoftwarePasskey;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives second factors as a user would: the factors API with a bearer token, the login's
 * password and code steps through the real pages, and an authenticator app computing codes from
 * the enrolled secret at the application's clock.
 */
final class SecondFactorClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final int port;
    private final OAuthClient oauth;
    private final MutableClock clock;
    private final HttpClient http = HttpClient.newHttpClient();

    SecondFactorClient(int port, MutableClock clock) {
        this.port = port;
        this.oauth = new OAuthClient(port);
        this.clock = clock;
    }

    OAuthClient oauth() {
        return oauth;
    }

    /** The code an authenticator app shows for the secret, {@code steps} 30-second steps from now. */
    String codeAt(String secret, int steps) {
        try {
            return new DefaultCodeGenerator().generate(secret, clock.instant().getEpochSecond() / 30 + steps);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String code(String secret) {
        return codeAt(secret, 0);
    }

    /** Moves to the next 30-second step, so the app shows a code not used yet. */
    void nextStep() {
        clock.advance(Duration.ofSeconds(30));
    }

    HttpResponse<String> call(String method, String path, String bearer, String json) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Enrols an authenticator app for the user; answers its secret and the recovery codes. */
    Enrolled enrol(TestUser user) {
        var started = call("POST", "/api/auth/factors/authenticator-app", user.bearer(), null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        var secret = OAuthClient.json(started.body()).path("secret").asString();
        var confirmed = call(
                "POST",
                "/api/auth/factors/authenticator-app/confirm",
                user.bearer(),
                "{\"code\":\"" + code(secret) + "\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        nextStep();
        return new Enrolled(secret, codesOf(OAuthClient.json(confirmed.body())));
    }

    /**
     * Registers a passkey of the software authenticator for the user, with the given bearer
     * token; answers the registration's answer (the passkey, with recovery codes when it was the
     * account's first second factor).
     */
    JsonNode addPasskey(String bearer, SoftwarePasskey passkey, String name) {
        var options = call("POST", "/api/auth/factors/passkeys/options", bearer, null);
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        var credential = passkey.create(OAuthClient.json(options.body()));
        var added = call(
                "POST",
                "/api/auth/factors/passkeys",
                bearer,
                JsonMapper.shared().writeValueAsString(Map.of("name", name, "credential", credential)));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return OAuthClient.json(added.body());
    }

    /**
     * After a login with one of the user's ten recovery codes: the owner is told (nine left, an
     * email), and the code is refused when it comes again.
     */
    void assertRecoveryCodeSpent(EventRecorder events, TestUser user, String code) {
        var used = events.awaitOne(
                RecoveryCodeUsed.class, event -> event.userId().toString().equals(user.id()));
        assertThat(used.remaining()).isEqualTo(9);
        Mailbox.awaitSubject(user.email(), "A recovery code was used to sign in");
        var again = new Browser(port);
        toSecondStep(again, user, OAuthClient.challenge("v"), Map.of());
        assertThat(Browser.location(enterCode(again, code))).endsWith("?error");
    }

    /** The user's second factors as the API reports them. */
    JsonNode status(String bearer) {
        var status = call("GET", "/api/auth/factors", bearer, null);
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        return OAuthClient.json(status.body());
    }

    static List<String> codesOf(JsonNode answer) {
        var codes = new ArrayList<String>();
        answer.path("recoveryCodes").forEach(it -> codes.add(it.asString()));
        return codes;
    }

    /**
     * Starts an authorization request in the browser and enters the password if the login page
     * asks for it; answers the response at the second step (or the redirect to the client).
     */
    HttpResponse<String> toSecondStep(Browser browser, TestUser user, String challenge, Map<String, String> extra) {
        var response = browser.followUntil(browser.get(oauth.authorizeUrl(challenge, extra)), this::stop);
        if (!Browser.isRedirect(response) && response.body().contains("name=\"password\"")) {
            response = browser.followUntil(browser.logIn(response, user.email(), user.password()), this::stop);
        }
        return response;
    }

    /** Posts a code to the second step the browser is at; answers the response to the post. */
    HttpResponse<String> enterCode(Browser browser, String code) {
        var page = browser.get("/login/second-factor");
        var csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("second-factor page: %s", page.body()).isTrue();
        return browser.postForm("/login/second-factor", Map.of("code", code, "_csrf", csrf.group(1)));
    }

    /** A whole login with password and code; answers the tokens. */
    Tokens logIn(Browser browser, TestUser user, String code, Map<String, String> extra) {
        var verifier = OAuthClient.randomString();
        var atStep = toSecondStep(browser, user, OAuthClient.challenge(verifier), extra);
        assertThat(Browser.location(atStep)).endsWith("/login/second-factor");
        var done = browser.followUntil(enterCode(browser, code), this::stop);
        return exchange(done, verifier);
    }

    Tokens exchange(HttpResponse<String> redirect, String verifier) {
        assertThat(Browser.isRedirect(redirect)).as(redirect.body()).isTrue();
        var code = UriComponentsBuilder.fromUriString(Browser.location(redirect))
                .build()
                .getQueryParams()
                .getFirst("code");
        assertThat(code).as("redirect %s", Browser.location(redirect)).isNotNull();
        var exchanged = oauth.exchange(code, verifier);
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        return Tokens.of(exchanged.body());
    }

    private boolean stop(String location) {
        return location.contains("/login/second-factor") || location.startsWith("http://127.0.0.1:" + port + "/app/");
    }

    static List<String> amr(Tokens tokens) {
        var methods = new ArrayList<String>();
        tokens.claims().path("amr").forEach(it -> methods.add(it.asString()));
        return methods;
    }

    record Enrolled(String secret, List<String> recoveryCodes) {}
}
