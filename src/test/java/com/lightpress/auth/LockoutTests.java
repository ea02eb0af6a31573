package com.lightpress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Browser;
import com.lightpress.testing.ControlledClock;
import com.lightpress.testing.EventRecorder;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.MutableClock;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Guessing passwords stays slow from every address together, yet a stranger cannot keep the owner
 * out: a browser the owner logged in with before passes the lock, and the owner hears of locks at
 * most once an hour. Time moves on by the clock, not by waiting.
 */
@LightpressTest(properties = "lightpress.auth.login.address-max-failures=1000")
@Import(ControlledClock.class)
class LockoutTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    EventRecorder events;

    @Autowired
    JdbcTemplate jdbc;

    OAuthClient client;

    @BeforeEach
    void connect() {
        client = new OAuthClient(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void ownerGetsInFromATrustedBrowserWhileAStrangerHasTheAccountLocked() {
        var owner = client.newUser("Owner");
        var ownersBrowser = new Browser(port);
        client.logIn(ownersBrowser, owner.email(), owner.password(), Map.of());

        guessWrong(owner, 6);

        assertRefused(attempt(new Browser(port), owner.email(), owner.password()));
        var tokens = client.logIn(ownersBrowser, owner.email(), owner.password(), Map.of());
        assertThat(tokens.subject()).isEqualTo(owner.id());
        assertRefused(attempt(new Browser(port), owner.email(), owner.password()));
    }

    @Test
    void guessesFromManyAddressesStayFewPerHour() {
        var owner = client.newUser("Targeted Everywhere");
        var start = clock.instant();
        var guessesChecked = 0;
        for (var elapsed = Duration.ZERO;
                elapsed.compareTo(Duration.ofHours(1)) < 0;
                elapsed = elapsed.plusSeconds(10)) {
            clock.setTo(start.plus(elapsed));
            if (!isLocked(owner)) {
                guessesChecked++;
            }
            assertRefused(attempt(new Browser(port).from(randomAddress()), owner.email(), "guess " + elapsed));
        }

        assertThat(guessesChecked).isBetween(10, 40);
    }

    @Test
    void theOwnerHearsOfLocksAtMostOnceAnHour() {
        var owner = client.newUser("Alerted Once");
        var start = clock.instant();

        for (int lock = 0; lock < 3; lock++) {
            clock.setTo(start.plus(Duration.ofMinutes(20L * lock)));
            guessWrong(owner, 5);
        }
        clock.setTo(start.plus(Duration.ofMinutes(70)));
        guessWrong(owner, 5);

        assertThat(isLocked(owner)).isTrue();
        assertThat(events.all(LoginLocked.class).stream()
                        .filter(event -> event.userId().toString().equals(owner.id())))
                .hasSize(2);
    }

    @Test
    void aTrustedBrowserThatKeepsGuessingWrongIsTrustedNoMore() {
        var owner = client.newUser("Stolen Laptop");
        var trusted = new Browser(port);
        client.logIn(trusted, owner.email(), owner.password(), Map.of());
        for (int i = 0; i < 5; i++) {
            assertRefused(attempt(trusted, owner.email(), "wrong from the trusted browser " + i));
        }

        guessWrong(owner, 5);

        assertRefused(attempt(trusted, owner.email(), owner.password()));
    }

    private void guessWrong(TestUser owner, int times) {
        for (int i = 0; i < times; i++) {
            assertRefused(attempt(new Browser(port).from(randomAddress()), owner.email(), "stranger's guess " + i));
        }
    }

    private boolean isLocked(TestUser user) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT locked_until > ? FROM auth.credentials WHERE id = ?::uuid",
                Boolean.class,
                java.sql.Timestamp.from(clock.instant()),
                user.id()));
    }

    private static HttpResponse<String> attempt(Browser browser, String email, String password) {
        return browser.logIn(browser.get("/login"), email, password);
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(Browser.location(response)).endsWith("/login?error");
    }

    private static String randomAddress() {
        var random = UUID.randomUUID().getLeastSignificantBits();
        return "203.0.113." + Math.floorMod(random, 250) + ", 10.0." + Math.floorMod(random >> 8, 250) + ".1";
    }
}
