package com.lightpress.notifications.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.auth.PasswordChanged;
import com.lightpress.notifications.inbox.Inbox;
import com.lightpress.notifications.inbox.NewNotification;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.SseClient;
import com.lightpress.users.UserId;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New notifications reach every open stream of their user, through PostgreSQL rather than memory,
 * so it does not matter which instance created them.
 */
@LightpressTest
class NotificationStreamTests {

    @Value("${local.server.port}")
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    NotificationStream stream;

    @Autowired
    Inbox inbox;

    OAuthClient client;

    @BeforeEach
    void connect() {
        client = new OAuthClient(port);
    }

    @Test
    void streamOpenedBeforeAnEventReceivesTheNotificationItCreates() {
        var user = client.newUser("Stream Watcher");
        try (var sse = open(user)) {
            sse.awaitLine(":connected"::equals);

            transactions.executeWithoutResult(
                    status -> events.publishEvent(PasswordChanged.of(UserId.of(user.id()), Instant.now())));

            assertThat(sse.awaitData("notification", 1).get(0))
                    .contains("\"title\":\"Password changed\"")
                    .contains("\"category\":\"security\"")
                    .contains("\"link\":\"#/forgot-password\"");
            assertThat(sse.response().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        }
    }

    @Test
    void everyOpenTabOfTheUserGetsItAndNobodyElse() {
        var user = client.newUser("Two Tabs");
        var other = client.newUser("Someone Else");
        try (var first = open(user);
                var second = open(user);
                var stranger = open(other)) {
            first.awaitLine(":connected"::equals);
            second.awaitLine(":connected"::equals);
            stranger.awaitLine(":connected"::equals);

            deliver(user, "For both tabs");

            assertThat(first.awaitData("notification", 1).get(0)).contains("For both tabs");
            assertThat(second.awaitData("notification", 1).get(0)).contains("For both tabs");
            assertThat(stranger.data("notification")).isEmpty();
        }
    }

    @Test
    void notificationWrittenByAnotherInstanceReachesTheStream() throws Exception {
        var user = client.newUser("Far Away");
        try (var sse = open(user)) {
            sse.awaitLine(":connected"::equals);
            var id = UUID.randomUUID();

            try (var elsewhere = DriverManager.getConnection(databaseUrl, "postgres", "postgres")) {
                elsewhere.setAutoCommit(false);
                try (var insert = elsewhere.prepareStatement(
                                "INSERT INTO notifications.notifications (id, user_id,"
                                        + " event_id, template, category, title, body, created_at, version)"
                                        + " VALUES (?, ?, ?, 'welcome', 'account', 'From another instance', 'Hello', now(), 0)");
                        var notify = elsewhere.prepareStatement("SELECT pg_notify(?, ?)")) {
                    insert.setObject(1, id);
                    insert.setObject(2, UUID.fromString(user.id()));
                    insert.setObject(3, UUID.randomUUID());
                    insert.executeUpdate();
                    notify.setString(1, Inbox.CHANNEL);
                    notify.setString(2, user.id() + ":" + id);
                    notify.execute();
                }
                elsewhere.commit();
            }

            assertThat(sse.awaitData("notification", 1).get(0))
                    .contains("From another instance")
                    .contains(id.toString());
            assertThat(sse.lines()).contains("id:" + id);
        }
    }

    @Test
    void reconnectingStreamFirstGetsWhatItMissed() {
        var user = client.newUser("Flaky Network");
        var seen = deliver(user, "Seen before the drop");
        deliver(user, "Missed one");
        deliver(user, "Missed two");

        try (var sse = SseClient.open(
                port,
                "/api/notifications/stream",
                Map.of("Authorization", user.bearer(), "Last-Event-ID", seen.toString()))) {
            var missed = sse.awaitData("notification", 2);

            assertThat(missed.get(0)).contains("Missed one");
            assertThat(missed.get(1)).contains("Missed two");
            assertThat(sse.data("notification")).noneMatch(data -> data.contains("Seen before the drop"));
        }
    }

    @Test
    void heartbeatReachesOpenStreamsAndDropsClosedOnes() {
        var user = client.newUser("Heart Beat");
        var id = UserId.of(user.id());
        var sse = open(user);
        sse.awaitLine(":connected"::equals);
        assertThat(stream.openStreams(id)).isEqualTo(1);

        stream.heartbeat();
        sse.awaitLine(":keep-alive"::equals);
        sse.close();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            stream.heartbeat();
            assertThat(stream.openStreams(id)).isZero();
        });
    }

    @Test
    void streamNeedsAToken() {
        try (var sse = SseClient.open(port, "/api/notifications/stream", Map.of())) {
            assertThat(sse.status()).isEqualTo(401);
        }
    }

    private SseClient open(TestUser user) {
        var sse = SseClient.open(port, "/api/notifications/stream", Map.of("Authorization", user.bearer()));
        assertThat(sse.status()).isEqualTo(200);
        return sse;
    }

    private UUID deliver(TestUser user, String title) {
        return inbox.deliver(new NewNotification(
                        UUID.randomUUID(), "welcome", UserId.of(user.id()), "account", title, "Body", null))
                .orElseThrow()
                .id();
    }
}
