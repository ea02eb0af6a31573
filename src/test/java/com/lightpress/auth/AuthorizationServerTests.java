package com.lightpress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Browser;
import com.lightpress.testing.DeviceFlow;
import com.lightpress.testing.EmbeddedServersInitializer;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.util.UriComponentsBuilder;

/** The OAuth 2.1 / OpenID Connect endpoints beyond the happy path of the code flow. */
@LightpressTest
class AuthorizationServerTests {

    @Value("${local.server.port}")
    int port;

    OAuthClient client;
    String base;

    @BeforeEach
    void connect() {
        client = new OAuthClient(port);
        base = "http://127.0.0.1:" + port;
    }

    @Test
    void discoveryDescribesTheProviderAtItsIssuer() {
        var discovery =
                OAuthClient.json(get("/.well-known/openid-configuration", null).body());

        assertThat(discovery.path("issuer").asString()).isEqualTo(base);
        assertThat(discovery.path("token_endpoint").asString()).isEqualTo(base + "/oauth2/token");
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(base + "/oauth2/jwks");
        assertThat(discovery.path("code_challenge_methods_supported").toString())
                .contains("S256");
        assertThat(discovery.path("grant_types_supported").toString())
                .contains("authorization_code", "refresh_token", "client_credentials", "device_code")
                .doesNotContain("\"password\"", "implicit");
        assertThat(discovery.path("response_types_supported").toString()).isEqualTo("[\"code\"]");
        var jwks = OAuthClient.json(get("/oauth2/jwks", null).body());
        assertThat(jwks.path("keys").get(0).path("kid").asString()).isNotBlank();
        assertThat(jwks.toString()).doesNotContain("\"d\"");
    }

    @Test
    void userinfoAnswersForTheAccessToken() {
        var user = client.newUser("Info Seeker");

        var info =
                OAuthClient.json(get("/userinfo", user.tokens().accessToken()).body());

        assertThat(info.path("sub").asString()).isEqualTo(user.id());
        assertThat(info.path("email").asString()).isEqualTo(user.email());
    }

    @Test
    void authorizationWithoutPkceOrWithPlainIsRefused() {
        var user = client.newUser("No Pkce");
        var browser = new Browser(port);
        var withoutChallenge = client.authorizeUrl("x", Map.of())
                .replaceAll("&code_challenge=[^&]*", "")
                .replaceAll("&code_challenge_method=S256", "");
        var plain = client.authorizeUrl("a-plain-challenge-that-is-long-enough-1234567890", Map.of())
                .replace("code_challenge_method=S256", "code_challenge_method=plain");

        for (var url : new String[] {withoutChallenge, plain}) {
            var response = browser.followUntil(browser.get(url), location -> location.contains("/app/"));
            if (!Browser.isRedirect(response)) {
                response = browser.followUntil(
                        browser.logIn(response, user.email(), user.password()), location -> location.contains("/app/"));
            }
            assertThat(Browser.location(response))
                    .contains("error=invalid_request")
                    .doesNotContain("code=");
        }
    }

    @Test
    void reusedAuthorizationCodeIsRefusedAndRevokesWhatItIssued() {
        var user = client.newUser("Code Reuser");
        var verifier = OAuthClient.randomString();
        var browser = new Browser(port);
        var redirect = browser.followUntil(
                browser.logIn(
                        browser.followUntil(
                                browser.get(client.authorizeUrl(OAuthClient.challenge(verifier), Map.of())),
                                location -> location.contains("/app/")),
                        user.email(),
                        user.password()),
                location -> location.contains("/app/"));
        var code = UriComponentsBuilder.fromUriString(Browser.location(redirect))
                .build()
                .getQueryParams()
                .getFirst("code");

        var first = client.exchange(code, verifier);
        var second = client.exchange(code, verifier);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).contains("invalid_grant");
        var issued = Tokens.of(first.body());
        assertThat(client.refresh(issued.refreshToken()).statusCode()).isEqualTo(400);
        assertThat(introspect(issued.accessToken())).contains("\"active\":false");
    }

    @Test
    void promptLoginAndMaxAgeAskForThePasswordAgain() {
        var user = client.newUser("Re Auth");
        var browser = new Browser(port);
        client.logIn(browser, user.email(), user.password(), Map.of());

        var silent = browser.followUntil(
                browser.get(client.authorizeUrl(OAuthClient.challenge("v"), Map.of())),
                location -> location.contains("/app/"));
        assertThat(Browser.location(silent)).contains("code=");

        for (var parameters : new Map[] {Map.of("prompt", "login"), Map.of("max_age", "0")}) {
            @SuppressWarnings("unchecked")
            var forced = browser.followUntil(
                    browser.get(client.authorizeUrl(OAuthClient.challenge("v"), parameters)),
                    location -> location.contains("/app/"));
            assertThat(forced.body()).contains("name=\"password\"");
            @SuppressWarnings("unchecked")
            var tokens = client.logIn(browser, user.email(), user.password(), parameters);
            assertThat(tokens.accessToken()).isNotBlank();
        }
    }

    /** Without a login session, the login the request leads to is the fresh one it asks for. */
    @Test
    void promptLoginAndMaxAgeWithoutALoginSessionAskForThePasswordOnce() {
        var user = client.newUser("Fresh Start");
        for (var parameters : List.of(Map.of("prompt", "login"), Map.of("max_age", "0"))) {
            var tokens = client.logIn(new Browser(port), user.email(), user.password(), parameters);
            assertThat(tokens.accessToken()).isNotBlank();
        }
    }

    /**
     * The login that answered a request for a fresh one (here a {@code max_age} the login meets on
     * its own) answers that request only: a later {@code prompt=login} asks for the password.
     */
    @Test
    void aFreshLoginAnswersOnlyTheRequestThatAskedForIt() {
        var user = client.newUser("Asked Once");
        var browser = new Browser(port);
        client.logIn(browser, user.email(), user.password(), Map.of("max_age", "300"));

        var later = browser.followUntil(
                browser.get(client.authorizeUrl(OAuthClient.challenge("v"), Map.of("prompt", "login"))),
                location -> location.contains("/app/"));
        assertThat(later.body()).contains("name=\"password\"");
    }

    @Test
    void revokedRefreshTokenCannotBeUsed() {
        var user = client.newUser("Logging Out");

        var revoked = client.token(
                Map.of("token", user.tokens().refreshToken(), "client_id", OAuthClient.CLIENT_ID), "/oauth2/revoke");

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(client.refresh(user.tokens().refreshToken()).statusCode()).isEqualTo(400);
    }

    @Test
    void revokingARefreshTokenEndsTheBrowserSessionOfItsLogin() {
        var user = client.newUser("Revokes And Leaves");
        var browser = new Browser(port);
        var tokens = client.logIn(browser, user.email(), user.password(), Map.of());
        var otherBrowser = new Browser(port);
        client.logIn(otherBrowser, user.email(), user.password(), Map.of());

        client.token(Map.of("token", tokens.refreshToken(), "client_id", OAuthClient.CLIENT_ID), "/oauth2/revoke");

        var authorize = client.authorizeUrl(OAuthClient.challenge("v"), Map.of());
        assertThat(Browser.location(browser.get(authorize))).endsWith("/login");
        assertThat(Browser.location(otherBrowser.get(authorize)))
                .as("the other browser's login goes on")
                .contains("code=");
    }

    @Test
    void commandLineClientLogsInWithTheDeviceFlow() {
        var user = client.newUser("Terminal User");

        var poll = new DeviceFlow(client).approve(new Browser(port), user.email(), user.password());

        var tokens = client.token(poll);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(Tokens.of(tokens.body()).subject()).isEqualTo(user.id());
    }

    @Test
    void everyDeviceIsConfirmedEvenAfterAnEarlierApproval() {
        var user = client.newUser("Approves Once");
        var browser = new Browser(port);
        var devices = new DeviceFlow(client);
        devices.approve(browser, user.email(), user.password());

        var requested = devices.request();
        var userCode = requested.path("user_code").asString();
        var again = browser.followUntil(
                browser.get("/oauth2/device_verification?user_code=" + userCode), location -> false);

        assertThat(again.body())
                .contains("Allow this device", userCode, DeviceFlow.CLIENT_ID)
                .contains("It asks for: <strong>", "<strong>profile</strong>", "<strong>email</strong>");
        assertThat(client.token(DeviceFlow.poll(requested)).body()).contains("authorization_pending");
    }

    @Test
    void internalClientGetsAnInternalScopeToken() {
        var response = client.token(
                Map.of("grant_type", "client_credentials", "scope", "internal"),
                "/oauth2/token",
                basic("lightpress-internal", EmbeddedServersInitializer.INTERNAL_CLIENT_SECRET));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var token = Tokens.of(response.body());
        assertThat(token.claims().path("scope").toString()).contains("internal");
        assertThat(token.claims().path("roles").isMissingNode()).isTrue();
        var wrongSecret = client.token(
                Map.of("grant_type", "client_credentials", "scope", "internal"),
                "/oauth2/token",
                basic("lightpress-internal", "guessed"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
    }

    @Test
    void anAdminCanEndEveryLoginOfAUser() {
        var user = client.newUser("Reported Compromised");
        var second = client.logIn(user.email(), user.password());
        var admin = client.admin();

        var ended = HttpClient.newHttpClient();
        var response = send(ended, "DELETE", "/api/admin/auth/users/" + user.id() + "/logins", admin.bearer());
        var byUser = send(ended, "DELETE", "/api/admin/auth/users/" + user.id() + "/logins", user.bearer());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(byUser.statusCode()).isEqualTo(403);
        assertThat(client.refresh(user.tokens().refreshToken()).statusCode()).isEqualTo(400);
        assertThat(client.refresh(second.refreshToken()).statusCode()).isEqualTo(400);
    }

    @Test
    void logoutEndsTheLoginSession() {
        var user = client.newUser("Goodbye");
        var browser = new Browser(port);
        var tokens = client.logIn(browser, user.email(), user.password(), Map.of());

        var logout = browser.get(
                "/connect/logout?id_token_hint=" + tokens.idToken() + "&post_logout_redirect_uri=" + base + "/app/");
        var loggedOut = browser.followUntil(logout, location -> location.contains("/app/"));
        assertThat(Browser.isRedirect(loggedOut))
                .as(loggedOut.statusCode() + " " + loggedOut.body())
                .isTrue();

        var again = browser.followUntil(
                browser.get(client.authorizeUrl(OAuthClient.challenge("v"), Map.of())),
                location -> location.contains("/app/"));
        assertThat(again.body()).contains("name=\"password\"");
    }

    private String introspect(String token) {
        return client.token(
                        Map.of("token", token),
                        "/oauth2/introspect",
                        basic("lightpress-internal", EmbeddedServersInitializer.INTERNAL_CLIENT_SECRET))
                .body();
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpClient http, String method, String path, String bearer) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .header("Authorization", bearer)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path, String bearer) {
        try {
            var request = HttpRequest.newBuilder(URI.create(base + path));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
