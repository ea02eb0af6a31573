package com.lightpress.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.Api;
import com.lightpress.testing.Browser;
import com.lightpress.testing.EventRecorder;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.users.account.AccountManagement;
import com.lightpress.users.account.RecentLoginRequired;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Closing an account erases the user's data everywhere and ends their logins. */
@LightpressTest
class AccountClosureTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    EventRecorder events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountManagement accounts;

    RestTestClient api;
    OAuthClient client;

    @BeforeEach
    void connect() {
        api = Api.client(port);
        client = new OAuthClient(port);
    }

    @Test
    void closingWithAFreshLoginErasesTheAccountAndStopsLogins() {
        var user = client.newUser("Leaving Soon");
        var other = client.newUser("Staying Here");

        api.delete()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(events.all(AccountClosed.class))
                .anyMatch(event -> event.userId().toString().equals(user.id()));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM users.accounts WHERE id = ?", Integer.class, UUID.fromString(user.id())))
                .isZero();
        await().untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM auth.credentials WHERE id = ?",
                        Integer.class,
                        UUID.fromString(user.id())))
                .isZero());
        assertThat(client.refresh(user.tokens().refreshToken()).statusCode()).isEqualTo(400);
        var browser = new Browser(port);
        assertThat(Browser.location(browser.logIn(browser.get("/login"), user.email(), user.password())))
                .endsWith("/login?error");
        api.get()
                .uri("/api/users/me/export")
                .header(HttpHeaders.AUTHORIZATION, other.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.users.email")
                .isEqualTo(other.email());
    }

    @Test
    void closingNeedsALoginWithinFiveMinutes() {
        var user = client.newUser("Old Session");
        var id = new UserId(UUID.fromString(user.id()));

        assertThatThrownBy(() -> accounts.close(id, Instant.now().minus(6, ChronoUnit.MINUTES)))
                .isInstanceOf(RecentLoginRequired.class);
        assertThatThrownBy(() -> accounts.close(id, null)).isInstanceOf(RecentLoginRequired.class);
        assertThat(accounts.findProfile(id)).isPresent();
    }

    @Test
    void exportHasOneSectionPerModuleHoldingPersonalData() {
        var user = client.newUser("Curious Person");

        api.get()
                .uri("/api/users/me/export")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.users.email")
                .isEqualTo(user.email())
                .jsonPath("$.auth.email")
                .isEqualTo(user.email())
                .jsonPath("$.auth.passwordHash")
                .doesNotExist();
    }
}
