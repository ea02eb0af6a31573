package com.lightpress.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.Browser;
import com.lightpress.testing.EventRecorder;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.Tokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Login throttling and refresh-token reuse detection, with a low address limit and no grace
 * window so the tests need not wait.
 */
@LightpressTest(
        properties = {"lightpress.auth.login.address-max-failures=8", "lightpress.auth.tokens.refresh-reuse-grace=0s"})
class StrictLoginTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    EventRecorder events;

    @Autowired
    JdbcTemplate jdbc;

    OAuthClient client;

    @BeforeEach
    void connect() {
        client = new OAuthClient(port);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndPublishLoginLocked() {
        var user = client.newUser("Forgetful");
        var address = randomAddress();

        for (int i = 0; i < 5; i++) {
            assertRefused(attempt(user.email(), "wrong password " + i, address));
        }

        assertRefused(attempt(user.email(), user.password(), randomAddress()));
        assertThat(events.all(LoginLocked.class))
                .anyMatch(event -> event.userId().toString().equals(user.id()));
        var lockedFor = jdbc.queryForObject(
                "SELECT extract(epoch FROM locked_until - now()) FROM auth.credentials WHERE id = ?::uuid",
                Double.class,
                user.id());
        assertThat(lockedFor).isBetween(30.0, 61.0);
    }

    @Test
    void successResetsTheFailureCount() {
        var user = client.newUser("Sometimes Right");
        var address = randomAddress();
        for (int i = 0; i < 4; i++) {
            assertRefused(attempt(user.email(), "wrong " + i, address));
        }

        assertThat(client.logIn(user.email(), user.password()).accessToken()).isNotBlank();

        assertRefused(attempt(user.email(), "wrong again", address));
        assertThat(jdbc.queryForObject(
                        "SELECT failed_logins FROM auth.credentials WHERE id = ?::uuid", Integer.class, user.id()))
                .isEqualTo(1);
    }

    @Test
    void unknownLockedAndWrongPasswordLookTheSame() {
        var locked = client.newUser("Locked Out");
        jdbc.update(
                "UPDATE auth.credentials SET locked_until = now() + interval '5 minutes' WHERE id = ?::uuid",
                locked.id());
        var known = client.newUser("Known");

        var wrongPassword = attempt(known.email(), "not the password", randomAddress());
        var unknown = attempt("nobody-" + UUID.randomUUID() + "@example.com", "whatever password", randomAddress());
        var lockedOut = attempt(locked.email(), locked.password(), randomAddress());

        for (var response : List.of(wrongPassword, unknown, lockedOut)) {
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(Browser.location(response)).endsWith("/login?error");
        }
        var pages = List.of(wrongPassword, unknown, lockedOut).stream()
                .map(response ->
                        new Browser(port).get(Browser.location(response)).body())
                .map(page -> page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", ""))
                .distinct()
                .toList();
        assertThat(pages).hasSize(1);
    }

    @Test
    void anAddressThatFailsTooOftenIsRefusedEvenWithTheRightPassword() {
        var user = client.newUser("Targeted");
        var attacker = randomAddress();

        for (int i = 0; i < 8; i++) {
            assertRefused(attempt("victim-" + i + "-" + UUID.randomUUID() + "@example.com", "guess", attacker));
        }

        assertRefused(attempt(user.email(), user.password(), attacker));
        assertThat(Browser.location(attempt(user.email(), user.password(), randomAddress())))
                .doesNotEndWith("/login?error");
    }

    @Test
    void replayedRefreshTokenRevokesTheWholeFamilyAndEndsTheBrowsersLogin() {
        var user = client.newUser("Leaky Tab");
        var browser = new Browser(port);
        var tokens = client.logIn(browser, user.email(), user.password(), Map.of());
        var authorize = client.authorizeUrl(OAuthClient.challenge("v"), Map.of());
        assertThat(Browser.location(browser.get(authorize)))
                .as("before: the login lasts")
                .contains("code=");
        var rotated = Tokens.of(client.refresh(tokens.refreshToken()).body());

        var replay = client.refresh(tokens.refreshToken());

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("invalid_grant");
        assertThat(client.refresh(rotated.refreshToken()).statusCode()).isEqualTo(400);
        assertThat(Browser.location(browser.get(authorize)))
                .as("the browser that logged in is asked for the password again")
                .endsWith("/login");
        await().untilAsserted(() -> assertThat(events.all(RefreshTokenReused.class))
                .anyMatch(event -> event.userId().toString().equals(user.id())));
        assertThat(client.logIn(user.email(), user.password()).refreshToken()).isNotBlank();
    }

    private HttpResponse<String> attempt(String email, String password, String address) {
        var browser = new Browser(port).from(address);
        return browser.logIn(browser.get("/login"), email, password);
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(Browser.location(response)).endsWith("/login?error");
    }

    /**
     * A client address of its own behind the load balancer (10.0.0.1): one of 2^64 in IPv6's
     * documentation prefix, so two tests never share an address's failure count (a /24 of IPv4
     * made that about one run in a hundred).
     */
    private static String randomAddress() {
        var random = UUID.randomUUID().getLeastSignificantBits();
        return "2001:db8::%x:%x:%x:%x, 10.0.0.1"
                .formatted(
                        (random >>> 48) & 0xffff, (random >>> 32) & 0xffff, (random >>> 16) & 0xffff, random & 0xffff);
    }
}
