package com.lightpress.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.Api;
import com.lightpress.testing.Browser;
import com.lightpress.testing.EventRecorder;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.OAuthClient.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Account administration and who may reach it. */
@LightpressTest
class AdminApiTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    EventRecorder events;

    @Autowired
    JdbcTemplate jdbc;

    RestTestClient api;
    OAuthClient client;
    TestUser admin;

    @BeforeEach
    void setUp() {
        api = Api.client(port);
        client = new OAuthClient(port);
        admin = client.admin();
    }

    @Test
    void bootstrapAdminHasTheAdminRoleInItsToken() {
        assertThat(admin.tokens().claims().path("roles").toString()).contains("ADMIN", "USER");
    }

    @Test
    void onlyAdminsReachTheAdminApi() {
        var user = client.newUser("Plain User");

        api.get().uri("/api/admin/users").exchange().expectStatus().isUnauthorized();
        api.get()
                .uri("/api/admin/users")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
        api.get()
                .uri("/api/admin/users/" + user.id())
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
        api.get()
                .uri("/api/admin/users/" + user.id())
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(user.email());
        api.get()
                .uri("/api/admin/users/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void searchPagesThroughMatchesInAStableOrder() {
        var tag = "pager" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            client.signUp(tag + "-" + i + "@example.com", "a long and unusual passphrase " + i, "Pager " + i);
        }

        var emails = new ArrayList<String>();
        String cursor = null;
        do {
            var page = search(tag, cursor, 2);
            page.path("items").forEach(item -> emails.add(item.path("email").asString()));
            cursor = page.path("nextCursor").isNull()
                    ? null
                    : page.path("nextCursor").asString();
        } while (cursor != null);

        assertThat(emails)
                .containsExactly(
                        tag + "-0@example.com",
                        tag + "-1@example.com",
                        tag + "-2@example.com",
                        tag + "-3@example.com",
                        tag + "-4@example.com");
        assertThat(search("pager " + "nobody-matches-this", null, 10).path("items"))
                .isEmpty();
    }

    @Test
    void roleChangeShowsInTheNextToken() {
        var user = client.newUser("Future Admin");

        api.put()
                .uri("/api/admin/users/" + user.id() + "/roles")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .body(Map.of("roles", List.of("ADMIN")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.roles.length()")
                .isEqualTo(2);

        var refreshed = Tokens.of(client.refresh(user.tokens().refreshToken()).body());
        assertThat(refreshed.claims().path("roles").toString()).contains("ADMIN");
        await().untilAsserted(() -> assertThat(events.all(RoleChanged.class))
                .anyMatch(event -> event.userId().toString().equals(user.id())));
    }

    @Test
    void unknownRoleIsRefusedByName() {
        var user = client.newUser("Role Typo");

        api.put()
                .uri("/api/admin/users/" + user.id() + "/roles")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .body(Map.of("roles", List.of("SUPERUSER")))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("roles");
    }

    @Test
    void disabledAccountCannotLogInOrRefreshUntilEnabled() {
        var user = client.newUser("Soon Disabled");

        post("/api/admin/users/" + user.id() + "/disable").expectStatus().isOk();

        await().untilAsserted(() -> assertThat(
                        client.refresh(user.tokens().refreshToken()).statusCode())
                .isEqualTo(400));
        assertThat(events.all(AccountDisabled.class))
                .anyMatch(event -> event.userId().toString().equals(user.id()));
        var login = new Browser(port);
        var refused = login.logIn(login.get("/login"), user.email(), user.password());
        assertThat(Browser.location(refused)).endsWith("/login?error");
        api.get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();

        post("/api/admin/users/" + user.id() + "/enable").expectStatus().isOk();
        await().untilAsserted(() -> assertThat(
                        client.logIn(user.email(), user.password()).accessToken())
                .isNotBlank());
    }

    @Test
    void adminCannotDisableThemselves() {
        post("/api/admin/users/" + admin.id() + "/disable").expectStatus().isEqualTo(409);
    }

    @Test
    void lastAdminCannotGiveUpTheRole() {
        jdbc.update(
                "DELETE FROM users.account_roles WHERE role = 'ADMIN' AND account_id <> ?",
                UUID.fromString(admin.id()));

        api.put()
                .uri("/api/admin/users/" + admin.id() + "/roles")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .body(Map.of("roles", List.of("USER")))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
    }

    private RestTestClient.ResponseSpec post(String path) {
        return api.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
    }

    private JsonNode search(String query, String cursor, int limit) {
        var uri = "/api/admin/users?q=" + query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
        var body = api.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        return OAuthClient.json(body);
    }
}
