package com.lightpress.auth.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.auth.config.AuthSettings;
import com.lightpress.platform.PlatformSettings;
import com.lightpress.testing.Browser;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.test.util.AopTestUtils;

/**
 * The login session's cookie and lifetime: a host-only, HttpOnly, SameSite=Lax cookie (Secure and
 * {@code __Host-} behind https), a session that ends when unused for the idle timeout and, however
 * busy, at the absolute timeout, and expired sessions deleted by the clean-up job. Time passes by
 * moving a session's stored times back, as the database is what every instance reads.
 */
@LightpressTest
class LoginSessionLifetimeTests {

    static final String COOKIE = "lightpress_session";

    static final int CALLS = 12;

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate database;

    @Autowired
    AuthSettings auth;

    @Autowired
    PlatformSettings platform;

    @Autowired
    LoginSessions.ExpiredLoginSessions cleanUp;

    @Test
    void theCookieIsHttpOnlyLaxForEveryPathAndSecureWithTheHostPrefixBehindHttps() {
        var page = new Browser(port).get("/login");
        assertThat(page.headers().allValues(HttpHeaders.SET_COOKIE))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith(COOKIE + "=")
                        .contains("; Path=/", "; HttpOnly", "; SameSite=Lax")
                        .doesNotContain("Secure", "Domain="));

        var https = new PlatformSettings(
                platform.schema(),
                URI.create("https://id.example.com"),
                platform.events(),
                platform.sqs(),
                platform.maxRequestBody());
        var response = new MockHttpServletResponse();
        new LoginSessions()
                .cookieSerializer(https)
                .writeCookieValue(new CookieValue(new MockHttpServletRequest(), response, "a-session"));
        assertThat(response.getHeader(HttpHeaders.SET_COOKIE))
                .startsWith("__Host-" + COOKIE + "=")
                .contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=Lax")
                .doesNotContain("Domain=");
    }

    /**
     * The web client runs on auth's origin, so its API calls carry the login session's cookie,
     * several at a time, and its pages too. They authenticate with their token alone: none renames,
     * creates or even reads and saves the login session, which afterwards still answers an
     * authorization, and the cookie without a token gets no answer from the API.
     */
    @Test
    void apiCallsCarryingTheLoginCookieLeaveTheLoginSessionAlone() throws Exception {
        var client = new OAuthClient(port);
        var user = client.newUser("Same Origin");
        var browser = new Browser(port);
        var bearer = "Bearer "
                + client.logIn(browser, user.email(), user.password(), Map.of()).accessToken();
        var session = sessionOf(browser);
        var lastUsed = lastAccessOf(session);

        var start = new CountDownLatch(1);
        var threads = Executors.newFixedThreadPool(CALLS);
        var calls = new ArrayList<Future<HttpResponse<String>>>();
        for (int i = 0; i < CALLS; i++) {
            var path = i % 2 == 0 ? "/api/users/me" : "/api/notifications/unread-count";
            calls.add(threads.submit(() -> {
                start.await();
                return browser.getApi(path, bearer);
            }));
        }
        start.countDown();
        var answers = new ArrayList<HttpResponse<String>>();
        for (var call : calls) {
            answers.add(call.get());
        }
        threads.shutdown();

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().allValues(HttpHeaders.SET_COOKIE)).isEmpty();
        });
        assertThat(browser.get("/app/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/users/me").statusCode())
                .as("the login cookie alone is no credential for the API")
                .isEqualTo(401);
        assertThat(sessionOf(browser)).isEqualTo(session);
        assertThat(lastAccessOf(session)).as("not even read and saved again").isEqualTo(lastUsed);
        assertThat(Browser.location(authorize(browser))).contains("code=");
    }

    @Test
    void aLoginUnusedForTheIdleTimeoutEnds() {
        var browser = loggedIn("Idle");
        var session = sessionOf(browser);
        assertThat(database.queryForObject(
                        "SELECT max_inactive_interval FROM auth.login_sessions WHERE session_id = ?",
                        Integer.class,
                        session))
                .isEqualTo((int) auth.session().idleTimeout().toSeconds());

        var idle = auth.session().idleTimeout().plusMinutes(1).toMillis();
        database.update(
                "UPDATE auth.login_sessions SET last_access_time = last_access_time - ?, expiry_time = expiry_time - ?"
                        + " WHERE session_id = ?",
                idle,
                idle,
                session);

        assertAskedForThePassword(browser);
    }

    @Test
    void aLoginEndsAtTheAbsoluteTimeoutHoweverBusy() {
        var browser = loggedIn("Busy");
        var session = sessionOf(browser);
        var stillUsable = authorize(browser);
        assertThat(Browser.location(stillUsable)).contains("code=");

        database.update(
                "UPDATE auth.login_sessions SET creation_time = creation_time - ? WHERE session_id = ?",
                auth.session().absoluteTimeout().plus(Duration.ofMinutes(1)).toMillis(),
                session);

        assertAskedForThePassword(browser);
    }

    @Test
    void theCleanUpJobDeletesExpiredSessionsAndKeepsTheOthers() {
        var expired = sessionOf(loggedIn("Expired"));
        var current = sessionOf(loggedIn("Current"));
        database.update(
                "UPDATE auth.login_sessions SET expiry_time = ? WHERE session_id = ?",
                System.currentTimeMillis() - 1,
                expired);

        AopTestUtils.<LoginSessions.ExpiredLoginSessions>getUltimateTargetObject(cleanUp)
                .removeExpired();

        assertThat(count(expired)).isZero();
        assertThat(count(current)).isOne();
    }

    private Browser loggedIn(String name) {
        var client = new OAuthClient(port);
        var user = client.newUser(name);
        var browser = new Browser(port);
        client.logIn(browser, user.email(), user.password(), Map.of());
        return browser;
    }

    private static String sessionOf(Browser browser) {
        var cookie = browser.cookie(COOKIE).orElseThrow();
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    private long lastAccessOf(String session) {
        return database.queryForObject(
                "SELECT last_access_time FROM auth.login_sessions WHERE session_id = ?", Long.class, session);
    }

    private int count(String session) {
        return database.queryForObject(
                "SELECT count(*) FROM auth.login_sessions WHERE session_id = ?", Integer.class, session);
    }

    private HttpResponse<String> authorize(Browser browser) {
        return browser.get(new OAuthClient(port).authorizeUrl(OAuthClient.challenge("verifier"), Map.of()));
    }

    private void assertAskedForThePassword(Browser browser) {
        var answer = authorize(browser);
        assertThat(Browser.isRedirect(answer)).isTrue();
        assertThat(Browser.location(answer)).endsWith("/login");
    }
}
