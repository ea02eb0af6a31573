package com.lightpress.benchmarks.server;

import com.lightpress.Lightpress;
import com.lightpress.auth.LoginsEnded;
import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.modules.ModuleActivation;
import com.lightpress.testing.EmbeddedServers;
import com.lightpress.testing.TestSourcesFilter;
import com.lightpress.users.UserId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events, with production's settings: notifications runs as the packaged jar in a process of its
 * own, the other modules run in this JVM (so the benchmark can publish as a module does: one event
 * per transaction), and events cross through the embedded SQS server. The event is
 * {@link LoginsEnded}, whose listener in notifications only closes the user's open streams, so
 * the figures are the transport's: published in one process, taken into the other's inbox.
 */
final class EventsBenchmark {

    private static final String NOTIFICATIONS = "notifications";
    private static final int PUBLISHERS = 8;
    /** Events per measured run; warm-up runs of as many precede each. */
    private static final int EVENTS = Integer.getInteger("bench.events", 3000);

    /**
     * How long the warm-up runs across processes last at least. One run of {@link #EVENTS} was too
     * short: both JVMs were still compiling (a third of their CPU), and the same build measured 67
     * events/s after it against 109/s after a warm-up of 8000 events. In one process, where events
     * are ten times faster, a sixth of it.
     */
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.events-warmup", 120));

    /**
     * How often arrivals counted in the database are read. Each read counts the inbox's rows of the
     * queue (2 ms of PostgreSQL's time once it holds the warm-up's events): read every 20 ms, that
     * was 7% of a core taken from what it measured. The run lasts tens of seconds, so 100 ms is
     * well under 1% of it.
     */
    private static final Duration DATABASE_POLLS = Duration.ofMillis(100);

    /**
     * How often arrivals counted in memory are read: the plain {@code @Async} listener takes its
     * events in tens of milliseconds, which 20 ms between reads made a coarse figure.
     */
    private static final Duration MEMORY_POLLS = Duration.ofMillis(1);

    private final Path jar;
    private final Path work;
    private final EmbeddedServers servers;
    private final Table table;
    private final String queuePrefix = "bench" + UUID.randomUUID().toString().substring(0, 8) + "-";

    EventsBenchmark(Path jar, Path work, EmbeddedServers servers, Table table) {
        this.jar = jar;
        this.work = work;
        this.servers = servers;
        this.table = table;
    }

    void run() throws Exception {
        var database = servers.createDatabase();
        var mainPort = EmbeddedServers.freePort();
        var notificationsPort = EmbeddedServers.freePort();
        var publicUrl = "http://127.0.0.1:" + mainPort;
        var extracted = split(database, notificationsPort, publicUrl, List.of(NOTIFICATIONS), mainPort);
        try (var notifications = ServerBenchmark.startLightpress(jar, work, notificationsPort, extracted);
                var main = startHere(split(
                        database,
                        mainPort,
                        publicUrl,
                        ModuleActivation.MODULES.stream()
                                .filter(module -> !module.equals(NOTIFICATIONS))
                                .toList(),
                        notificationsPort))) {
            var inbox = main.getBean(JdbcTemplate.class);
            var transactions = main.getBean(TransactionTemplate.class);
            IntSupplier received = () -> inbox.queryForObject(
                    "SELECT count(*) FROM " + PlatformSettings.SHARED_SCHEMA + ".inbox WHERE queue = ?",
                    Integer.class,
                    queuePrefix + NOTIFICATIONS);
            Supplier<Object> loginsEnded = () -> LoginsEnded.of(new UserId(UUID.randomUUID()));
            warmUp(WARMUP, () -> publishAtFullSpeed(main, transactions, loginsEnded, EVENTS, received, DATABASE_POLLS));
            var acrossProcesses = publishAtFullSpeed(main, transactions, loginsEnded, EVENTS, received, DATABASE_POLLS);
            System.out.printf("Events across two processes: %.0f/s%n", acrossProcesses);
            table.ratio(
                    "events/s across two processes through SQS, " + PUBLISHERS + " publishing threads",
                    acrossProcesses,
                    "/s",
                    "the goal",
                    500,
                    ">=",
                    1);
            var delays = delaysAt(100, Duration.ofSeconds(10), main, transactions, inbox);
            System.out.println("Event delays at 100/s: " + delays);
            table.ratio(
                    "event delay from publication to the other process's inbox at 100 events/s, p99",
                    delays.p99Ms(),
                    " ms",
                    "p50: %.0f ms; the goal".formatted(delays.p50Ms()),
                    1000,
                    "<=",
                    1);
            var probes = main.getBean(Probes.class);
            warmUp(
                    WARMUP.dividedBy(6),
                    () -> publishAtFullSpeed(
                            main, transactions, ToRegistry::new, EVENTS, probes::registry, MEMORY_POLLS));
            var registry =
                    publishAtFullSpeed(main, transactions, ToRegistry::new, EVENTS, probes::registry, MEMORY_POLLS);
            warmUp(
                    WARMUP.dividedBy(6),
                    () -> publishAtFullSpeed(main, transactions, ToAsync::new, EVENTS, probes::async, MEMORY_POLLS));
            var async = publishAtFullSpeed(main, transactions, ToAsync::new, EVENTS, probes::async, MEMORY_POLLS);
            System.out.printf("In one process: registry %.0f/s, @Async %.0f/s%n", registry, async);
            table.ratio(
                    "events/s in one process to a listener tracked by the publication registry",
                    registry,
                    "/s",
                    "a plain @Async listener",
                    async,
                    ">=",
                    0.3);
        }
    }

    /** Repeats a run until the given time has passed. */
    private static void warmUp(Duration lasting, Runnable run) {
        var until = System.nanoTime() + lasting.toNanos();
        do {
            run.run();
        } while (System.nanoTime() < until);
    }

    /**
     * Publishes events, one per transaction, from {@link #PUBLISHERS} threads as fast as they can,
     * until {@code count} more have arrived; events per second from the first publication to the
     * last arrival.
     */
    private static double publishAtFullSpeed(
            ConfigurableApplicationContext context,
            TransactionTemplate transactions,
            Supplier<Object> event,
            int count,
            IntSupplier arrived,
            Duration polls) {
        var before = arrived.getAsInt();
        var left = new AtomicInteger(count);
        var started = System.nanoTime();
        var publishers = Executors.newFixedThreadPool(PUBLISHERS);
        for (int i = 0; i < PUBLISHERS; i++) {
            publishers.execute(() -> {
                while (left.getAndDecrement() > 0) {
                    transactions.executeWithoutResult(status -> context.publishEvent(event.get()));
                }
            });
        }
        publishers.shutdown();
        awaitArrivals(() -> arrived.getAsInt() - before >= count, polls);
        return count / ((System.nanoTime() - started) / 1e9);
    }

    /** Publishes at a steady rate, then reads when each event reached the other process's inbox. */
    private Load.Result delaysAt(
            int perSecond,
            Duration duration,
            ConfigurableApplicationContext context,
            TransactionTemplate transactions,
            JdbcTemplate inbox) {
        var published = new HashMap<UUID, Instant>();
        var interval = 1_000_000_000L / perSecond;
        var count = (int) (duration.toSeconds() * perSecond);
        var started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            LockSupport.parkNanos(started + i * interval - System.nanoTime());
            var event = LoginsEnded.of(new UserId(UUID.randomUUID()));
            published.put(event.eventId(), Instant.now());
            transactions.executeWithoutResult(status -> context.publishEvent(event));
        }
        var ids = published.keySet().toArray(UUID[]::new);
        var query = "SELECT event_id, received_at FROM " + PlatformSettings.SHARED_SCHEMA
                + ".inbox WHERE queue = ? AND event_id = ANY (?)";
        var queue = queuePrefix + NOTIFICATIONS;
        awaitArrivals(() -> inbox.queryForList(query, queue, ids).size() == count, DATABASE_POLLS);
        var delays = new ArrayList<Long>();
        inbox.query(
                query,
                row -> {
                    var sent = published.get(row.getObject("event_id", UUID.class));
                    var arrived = row.getTimestamp("received_at").toInstant();
                    delays.add(Duration.between(sent, arrived).toNanos());
                },
                queue,
                ids);
        return Load.Result.of(delays, duration, 0);
    }

    private static void awaitArrivals(BooleanSupplier done, Duration polls) {
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(polls).until(done::getAsBoolean);
    }

    /** Production's settings for a process of a split deployment with these local modules. */
    private Map<String, Object> split(String database, int port, String publicUrl, List<String> local, int otherPort) {
        var properties = new HashMap<>(ServerBenchmark.lightpressProperties(servers, database, port, publicUrl));
        properties.put("lightpress.modules.local", String.join(",", local));
        ModuleActivation.MODULES.stream()
                .filter(module -> !local.contains(module))
                .forEach(module -> properties.put(
                        "lightpress.modules.remote." + module + ".url", "http://127.0.0.1:" + otherPort));
        properties.put(
                "lightpress.platform.schema",
                local.contains(NOTIFICATIONS) ? "lightpress_notifications" : "lightpress");
        properties.put("lightpress.platform.sqs.queue-prefix", queuePrefix);
        properties.put("lightpress.platform.sqs.create-queues", true);
        return properties;
    }

    /** The main process in this JVM, with production's settings and the benchmark's two listeners. */
    private static ConfigurableApplicationContext startHere(Map<String, Object> properties) {
        var arguments = new ArrayList<String>();
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        // DevTools is on the test class path; production runs without it (a system property, as
        // DevTools reads it before the arguments)
        System.setProperty("spring.devtools.restart.enabled", "false");
        return new SpringApplicationBuilder(Lightpress.class, Probes.class)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton(TestSourcesFilter.class.getName(), new TestSourcesFilter()))
                .run(arguments.toArray(String[]::new));
    }

    record ToRegistry() {}

    record ToAsync() {}

    /** Two listeners that only count: one tracked by the publication registry, one plain @Async. */
    static class Probes {

        private final AtomicInteger registry = new AtomicInteger();
        private final AtomicInteger async = new AtomicInteger();

        @ApplicationModuleListener
        void on(ToRegistry event) {
            registry.incrementAndGet();
        }

        @Async
        @EventListener
        void on(ToAsync event) {
            async.incrementAndGet();
        }

        /** Methods, as the bean is a proxy (for {@code @Async}) whose own fields stay empty. */
        int registry() {
            return registry.get();
        }

        int async() {
            return async.get();
        }
    }
}
