package com.lightpress.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** A listener that fails leaves its publication incomplete, and the schedule runs it again. */
@LightpressTest(
        properties = {
            "lightpress.platform.events.resubmit-interval=100ms",
            "lightpress.platform.events.resubmit-after=200ms",
            "lightpress.platform.events.max-delay=800ms",
            "lightpress.platform.events.dead-letter-after=4s"
        })
@Import({EventRegistryTests.FlakyListener.class, EventRegistryTests.BrokenListener.class})
class EventRegistryTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FlakyListener listener;

    @Test
    void failedListenerIsRetriedOnScheduleUntilItSucceeds() {
        var id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> events.publishEvent(new SomethingHappened(id)));

        await().atMost(Duration.ofSeconds(20)).until(() -> listener.handled(id));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(incomplete(id)).isZero());
        assertThat(listener.failures(id)).isEqualTo(2);
    }

    record SomethingHappened(UUID id) {}

    /** Fails twice for each event, then handles it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyListener {

        private final ConcurrentHashMap<UUID, Integer> attempts = new ConcurrentHashMap<>();
        private final Set<UUID> handled = ConcurrentHashMap.newKeySet();

        boolean handled(UUID id) {
            return handled.contains(id);
        }

        int failures(UUID id) {
            return attempts.getOrDefault(id, 0) - (handled.contains(id) ? 1 : 0);
        }

        @ApplicationModuleListener
        void on(SomethingHappened event) {
            if (attempts.merge(event.id(), 1, Integer::sum) <= 2) {
                throw new IllegalStateException("failing on purpose");
            }
            handled.add(event.id());
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    BrokenListener broken;

    @Test
    void listenerThatKeepsFailingBacksOffBecomesADeadLetterAndIsReplayedOnce() {
        var id = UUID.randomUUID();
        broken.breakFor(id);
        transactions.executeWithoutResult(status -> events.publishEvent(new SomethingBroke(id)));

        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetterCount(id) == 1);
        // 100 ms rounds for 4 s would run it about 40 times; the backoff (200 ms doubling up to
        // 800 ms) allows at most 9
        assertThat(broken.attempts(id)).isBetween(3, 9);
        assertThat(incomplete(id)).isZero();
        var admin = new OAuthClient(port).admin();
        var letter = findDeadLetter(admin, id);
        assertThat(letter.path("eventType").asString()).isEqualTo(SomethingBroke.class.getName());
        assertThat(letter.path("event").asString()).contains(id.toString());
        assertThat(letter.path("replayedAt").isNull()).isTrue();

        broken.repair(id);
        var answers = new CopyOnWriteArrayList<Integer>();
        CompletableFuture.allOf(IntStream.range(0, 4)
                        .mapToObj(i -> CompletableFuture.runAsync(() ->
                                answers.add(replay(admin, letter.path("id").asString()))))
                        .toArray(CompletableFuture[]::new))
                .join();

        assertThat(answers).containsOnly(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> broken.handled(id) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> incomplete(id) == 0);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> broken.handled(id) == 1);
        assertThat(replay(admin, letter.path("id").asString())).isEqualTo(200);
        assertThat(broken.handled(id)).isEqualTo(1);
    }

    @Test
    void deadLettersAreForAdminsOnlyAndAnUnknownOneIsNotFound() {
        var client = new OAuthClient(port);
        var user = client.newUser("Nosy");
        var api = Api.client(port);

        api.get()
                .uri("/api/admin/dead-letters")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
        api.post()
                .uri("/api/admin/dead-letters/" + UUID.randomUUID() + "/replay")
                .header(HttpHeaders.AUTHORIZATION, client.admin().bearer())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json");
    }

    private JsonNode findDeadLetter(OAuthClient.TestUser admin, UUID eventId) {
        var body = Api.okBody(api().get().uri("/api/admin/dead-letters"), admin);
        for (var letter : OAuthClient.json(body)) {
            if (letter.path("event").asString().contains(eventId.toString())) {
                return letter;
            }
        }
        throw new AssertionError("No dead letter for " + eventId + " in " + body);
    }

    private int replay(OAuthClient.TestUser admin, String id) {
        return api().post()
                .uri("/api/admin/dead-letters/" + id + "/replay")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }

    private RestTestClient api() {
        return Api.client(port);
    }

    private int deadLetterCount(UUID id) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM lightpress.dead_letters WHERE serialized_event LIKE ?",
                Integer.class,
                "%" + id + "%");
    }

    private int incomplete(UUID id) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM lightpress.event_publication WHERE completion_date IS NULL"
                        + " AND serialized_event LIKE ?",
                Integer.class,
                "%" + id + "%");
    }

    record SomethingBroke(UUID id) {}

    /** Fails for the events it is told to fail for, and counts what it did. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BrokenListener {

        private final Set<UUID> broken = ConcurrentHashMap.newKeySet();
        private final ConcurrentHashMap<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<UUID, AtomicInteger> handled = new ConcurrentHashMap<>();

        void breakFor(UUID id) {
            broken.add(id);
        }

        void repair(UUID id) {
            broken.remove(id);
        }

        int attempts(UUID id) {
            return attempts.getOrDefault(id, new AtomicInteger()).get();
        }

        int handled(UUID id) {
            return handled.getOrDefault(id, new AtomicInteger()).get();
        }

        @ApplicationModuleListener
        void on(SomethingBroke event) {
            attempts.computeIfAbsent(event.id(), key -> new AtomicInteger()).incrementAndGet();
            if (broken.contains(event.id())) {
                throw new IllegalStateException("broken on purpose");
            }
            handled.computeIfAbsent(event.id(), key -> new AtomicInteger()).incrementAndGet();
        }
    }
}
