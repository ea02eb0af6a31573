package com.lightpress.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.notifications.inbox.Inbox;
import com.lightpress.notifications.inbox.NewNotification;
import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.users.UserId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The inbox API: cursor pages newest first, unread filter and count, read, delete, and privacy. */
@LightpressTest
class InboxApiTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Inbox inbox;

    RestTestClient api;
    OAuthClient client;

    @BeforeEach
    void connect() {
        api = Api.client(port);
        client = new OAuthClient(port);
    }

    @Test
    void pagesFollowTheCursorNewestFirstWithoutGapsOrRepeats() {
        var user = client.newUser("Pager");
        var created = deliver(user, 5);

        var first = page(user, "/api/notifications?limit=2");
        var second = page(
                user,
                "/api/notifications?limit=2&cursor=" + first.path("nextCursor").asString());
        var third = page(
                user,
                "/api/notifications?limit=2&cursor=" + second.path("nextCursor").asString());

        var seen = new ArrayList<String>();
        for (var page : List.of(first, second, third)) {
            page.path("items").forEach(item -> seen.add(item.path("id").asString()));
        }
        var newestFirst = new ArrayList<>(created);
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(third.path("items")).hasSize(1);
        assertThat(third.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void unreadFilterAndCountFollowReading() {
        var user = client.newUser("Reader");
        var ids = deliver(user, 3);

        post(user, "/api/notifications/" + ids.get(0) + "/read")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.readAt")
                .isNotEmpty();

        assertThat(unreadCount(user)).isEqualTo(2);
        var unread = page(user, "/api/notifications?unread=true").path("items");
        assertThat(unread).extracting(item -> item.path("id").asString()).containsExactly(ids.get(2), ids.get(1));

        post(user, "/api/notifications/read-all")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.updated")
                .isEqualTo(2);
        assertThat(unreadCount(user)).isZero();
        assertThat(page(user, "/api/notifications").path("items")).hasSize(3);
    }

    @Test
    void deletedNotificationIsGone() {
        var user = client.newUser("Deleter");
        var ids = deliver(user, 2);

        api.delete()
                .uri("/api/notifications/" + ids.get(0))
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(page(user, "/api/notifications").path("items"))
                .extracting(item -> item.path("id").asString())
                .containsExactly(ids.get(1));
    }

    @Test
    void anotherUsersNotificationAnswers404AndStaysUntouched() {
        var owner = client.newUser("Owner");
        var intruder = client.newUser("Intruder");
        var id = deliver(owner, 1).get(0);

        post(intruder, "/api/notifications/" + id + "/read")
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json");
        api.delete()
                .uri("/api/notifications/" + id)
                .header(HttpHeaders.AUTHORIZATION, intruder.bearer())
                .exchange()
                .expectStatus()
                .isNotFound();

        assertThat(unreadCount(owner)).isEqualTo(1);
        assertThat(page(intruder, "/api/notifications").path("items")).isEmpty();
    }

    @Test
    void madeUpCursorIsABadRequestNamingTheCursor() {
        var user = client.newUser("Forger");

        api.get()
                .uri("/api/notifications?cursor=bm90LWEtY3Vyc29y")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("cursor");
    }

    @Test
    void pageSizeIsLimited() {
        var user = client.newUser("Greedy");

        api.get()
                .uri("/api/notifications?limit=1000")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
    }

    @Test
    void inboxNeedsAToken() {
        api.get().uri("/api/notifications").exchange().expectStatus().isUnauthorized();
        api.get()
                .uri("/api/notifications/unread-count")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private List<String> deliver(TestUser user, int count) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var view = inbox.deliver(new NewNotification(
                            UUID.randomUUID(), "welcome", UserId.of(user.id()), "account", "Note " + i, "Body", null))
                    .orElseThrow();
            ids.add(view.id().toString());
        }
        return ids;
    }

    private JsonNode page(TestUser user, String uri) {
        var body = api.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return OAuthClient.json(body);
    }

    private long unreadCount(TestUser user) {
        return page(user, "/api/notifications/unread-count").path("count").asLong();
    }

    private RestTestClient.ResponseSpec post(TestUser user, String uri) {
        return api.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange();
    }
}
