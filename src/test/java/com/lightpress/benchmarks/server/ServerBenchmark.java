package com.lightpress.benchmarks.server;

import com.lightpress.benchmarks.server.Load.Result;
import com.lightpress.testing.EmbeddedServers;
import com.lightpress.testing.EmbeddedServersInitializer;
import com.lightpress.testing.LoadBalancer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.springframework.util.FileSystemUtils;

/**
 * The server benchmark behind README's table: the packaged jar with the defaults users get, in a
 * JVM of its own against embedded PostgreSQL, loaded over real HTTP from this JVM. Every figure is
 * set against a reference measured in the same run on the same machine, so the ratios, not the
 * absolute numbers, are what carries from one machine to another. Run it with {@code bench/run}.
 */
public final class ServerBenchmark {

    /** Seconds of warm-up and of each measured run, and runs per figure; shorter only to try the benchmark out. */
    static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 5));

    static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.run", 8));
    static final int REPEATS = Integer.getInteger("bench.repeats", 3);

    /** Whether the single-call paths are loaded by wrk; the browser logins always are by the Java generator. */
    static final boolean WRK = Wrk.installed() && !Boolean.getBoolean("bench.java-load");

    private final Path jar;
    private final Path work;
    private final EmbeddedServers servers;
    private final Table table = new Table();
    private final int cores = Runtime.getRuntime().availableProcessors();

    private ServerBenchmark(Path jar, Path work) throws IOException {
        this.jar = jar;
        this.work = work;
        this.servers = EmbeddedServers.persistent(emptied(work.resolve("postgres")), EmbeddedServers.freePort());
    }

    /**
     * A directory for PostgreSQL's data, emptied: the benchmark's PostgreSQL runs with its own
     * defaults (every commit flushed to disk), as production's does, not with the tests' settings,
     * which trade durability for speed; and on a fresh data directory in every run.
     */
    private static Path emptied(Path directory) throws IOException {
        FileSystemUtils.deleteRecursively(directory);
        return Files.createDirectories(directory);
    }

    public static void main(String[] args) throws Exception {
        var benchmark = new ServerBenchmark(Path.of(args[0]), Path.of(args.length > 1 ? args[1] : "target/bench"));
        var status = 0;
        try {
            benchmark.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.println(benchmark.table);
        // the embedded servers of the test support live as long as the JVM
        System.exit(status);
    }

    private void run() throws Exception {
        switch (System.getProperty("bench.only", "all")) {
            case "events" -> new EventsBenchmark(jar, work, servers, table).run();
            case "start" -> start();
            default -> {
                serverAndStart();
                new EventsBenchmark(jar, work, servers, table).run();
            }
        }
    }

    /** The start comparison alone, on a database that one start of the jar has migrated. */
    private void start() throws Exception {
        var database = servers.createDatabase();
        var port = EmbeddedServers.freePort();
        try (var server = startLightpress(database, port, "http://127.0.0.1:" + port)) {
            System.out.println("Migrated in a start of " + server.readyAfter());
        }
        new StartComparison(jar, work, servers, database, table).run();
    }

    private void serverAndStart() throws Exception {
        var signMs = Jmh.rs256SigningMs();
        System.out.printf("One RS256 signature %.3f ms, %d cores%n", signMs, cores);
        table.info(
                "load generator of tokens, /api/users/me and /api/billing/plans",
                WRK ? "wrk" : "Java (java.net.http); install wrk for the figures README shows");
        var database = servers.createDatabase();
        try (var balancer = LoadBalancer.start(LoadBalancer.Routing.ROUND_ROBIN)) {
            var first = EmbeddedServers.freePort();
            var second = EmbeddedServers.freePort();
            try (var server = startLightpress(database, first, balancer.url())) {
                var paths = new Paths(first);
                paths.signUpUsers(8);
                var token = paths.userToken();
                warmUp(paths, token);
                var signingCapacity = cores / signMs * 1000;
                var credentials = measure(8, paths, paths.clientCredentials());
                table.ratio(
                        "client-credentials tokens/s, 8 connections",
                        credentials.perSecond(),
                        "/s",
                        "RS256 capacity (cores / one signature)",
                        signingCapacity,
                        ">=",
                        0.9);
                var loginCapacity = cores / passwordCheckMs() * 1000;
                var logins = measure(4, paths::browserLogin);
                table.ratio(
                        "browser logins/s, 4 clients",
                        logins.perSecond(),
                        "/s",
                        "cores / one password check",
                        loginCapacity,
                        ">=",
                        0.85);
                var checkMs = passwordCheckMs();
                var alone = measure(1, paths::browserLogin);
                table.ratio("one login alone, p50", alone.p50Ms(), " ms", "one password check", checkMs, "<=", 1.3);
                var me = measure(8, paths, paths.get("/api/users/me", token));
                var plans = measure(8, paths, paths.get("/api/billing/plans", null));
                table.ratio(
                        "GET /api/users/me with a token, 8 connections",
                        me.perSecond(),
                        "/s",
                        "GET /api/billing/plans without",
                        plans.perSecond(),
                        ">=",
                        0.8);
                tails(credentials, logins, me, plans);
                flood(paths, token);
                balancer.routeTo(List.of(first));
                var one = measure(4, paths.through(balancer.port())::browserLogin);
                try (var other = startLightpress(database, second, balancer.url())) {
                    balancer.routeTo(List.of(first, second));
                    var two = measure(4, paths.through(balancer.port())::browserLogin);
                    table.info("browser logins/s through a proxy, 1 instance", one.toString());
                    table.info("browser logins/s through a proxy, 2 instances on 1 database", two.toString());
                }
            }
        }
        new StartComparison(jar, work, servers, database, table).run();
        // minutes of logins wrote to it: PostgreSQL would be vacuuming them while events are measured
        servers.dropDatabase(database);
    }

    /**
     * One password check, measured right before the login figure it is the reference of: this
     * machine's speed drifts (one RS256 signature took 1.25 to 1.70 ms in runs of a few days), and
     * a reference measured at the start of the run could compare two different machines.
     */
    private static double passwordCheckMs() throws Exception {
        var checkMs = Jmh.passwordCheckMs();
        System.out.printf("One password check %.1f ms%n", checkMs);
        return checkMs;
    }

    private void tails(Result credentials, Result logins, Result me, Result plans) {
        table.ratio(
                "tail: client credentials p99 / p50", credentials.p99Ms(), " ms", "p50", credentials.p50Ms(), "<=", 4);
        table.ratio("tail: browser login p99 / p50", logins.p99Ms(), " ms", "p50", logins.p50Ms(), "<=", 4);
        table.ratio("tail: /api/users/me p99 / p50", me.p99Ms(), " ms", "p50", me.p50Ms(), "<=", 4);
        table.ratio("tail: /api/billing/plans p99 / p50", plans.p99Ms(), " ms", "p50", plans.p50Ms(), "<=", 4);
    }

    /** Authenticated reads alone, then while 50 connections send refreshes with random tokens. */
    private void flood(Paths paths, String token) throws Exception {
        var alone = measure(2, worker -> paths.send(paths.get("/api/users/me", token)));
        var pool = Executors.newSingleThreadExecutor();
        try {
            var junk = pool.submit(
                    () -> Load.run(50, WARMUP.plus(RUN.multipliedBy(REPEATS)), worker -> paths.junkRefresh()));
            var during = measure(2, worker -> paths.send(paths.get("/api/users/me", token)));
            var refreshes = junk.get();
            table.ratio(
                    "/api/users/me p50 during a flood of 50 junk refreshes",
                    during.p50Ms(),
                    " ms",
                    "p50 without the flood",
                    alone.p50Ms(),
                    "info",
                    0);
            table.info("junk refreshes during the flood (failed = not 400)", refreshes.toString());
            table.info("/api/users/me during the flood (failed = not 200)", during.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every path for a while before any is measured: the server's code is then compiled as it is
     * after some time in production, whichever path comes first in the table. Browser logins get
     * longer: they run through more code than the others, and logins per second with 4 clients
     * kept rising for three minutes (6.5 in the first 30 s, 13.0 in the sixth).
     */
    private void warmUp(Paths paths, String token) throws Exception {
        var lasting = Duration.ofSeconds(Integer.getInteger("bench.warmup-all", 20));
        for (var call : List.of(
                paths.clientCredentials(), paths.get("/api/users/me", token), paths.get("/api/billing/plans", null))) {
            load(8, paths, call).lasting(lasting);
        }
        load(4, paths::browserLogin).lasting(Duration.ofSeconds(Integer.getInteger("bench.warmup-logins", 180)));
    }

    /** One call again and again: through wrk where it is installed, else the Java generator. */
    private Result measure(int connections, Paths paths, Wrk.Call call) throws Exception {
        return repeated(connections + " connections" + (WRK ? " (wrk)" : ""), load(connections, paths, call));
    }

    private Result measure(int connections, Load.PerWorker request) throws Exception {
        return repeated(connections + " connections", load(connections, request));
    }

    private Run load(int connections, Paths paths, Wrk.Call call) {
        return WRK
                ? duration -> Wrk.run(connections, duration, call, work)
                : load(connections, worker -> paths.send(call));
    }

    private static Run load(int connections, Load.PerWorker request) {
        return duration -> Load.run(connections, duration, request);
    }

    /** A warm-up, then the measured runs; their median by throughput. */
    private static Result repeated(String label, Run run) throws Exception {
        run.lasting(WARMUP);
        var runs = new ArrayList<Result>();
        for (int i = 0; i < REPEATS; i++) {
            runs.add(run.lasting(RUN));
        }
        var median = Load.median(runs);
        System.out.println(label + ": " + runs + " -> " + median);
        return median;
    }

    /** One load run of a given length. */
    private interface Run {
        Result lasting(Duration duration) throws Exception;
    }

    private ServerProcess startLightpress(String database, int port, String publicUrl) throws Exception {
        return startLightpress(jar, work, port, lightpressProperties(servers, database, port, publicUrl));
    }

    /** The jar in a JVM of its own, with these settings, ready when its readiness probe answers. */
    static ServerProcess startLightpress(Path jar, Path work, int port, Map<String, ?> properties) throws Exception {
        return ServerProcess.start(
                serverJvm(jar),
                properties,
                "http://127.0.0.1:" + port + "/actuator/health/readiness",
                work.resolve("lightpress-" + port + ".log"));
    }

    /** The command line of a server: production's JVM options (and any given to profile it), then the jar. */
    private static List<String> serverJvm(Path jar) {
        var jvm = new ArrayList<String>(List.of("-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError"));
        // e.g. -Dbench.server-jvm=-XX:StartFlightRecording=filename=target/bench/server.jfr to profile
        var extra = System.getProperty("bench.server-jvm", "");
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.split(" ")));
        }
        jvm.addAll(List.of("-jar", jar.toString()));
        return jvm;
    }

    /** Production's settings (the prod profile, default hashing and limits), pointed at the embedded servers. */
    static Map<String, Object> lightpressProperties(
            EmbeddedServers servers, String database, int port, String publicUrl) {
        var properties = new HashMap<String, Object>(EmbeddedServersInitializer.connection(servers, database));
        properties.put("spring.profiles.active", "prod");
        properties.put("server.port", port);
        properties.put("lightpress.platform.public-url", publicUrl);
        properties.put("lightpress.auth.internal-client-secret", Paths.INTERNAL_CLIENT_SECRET);
        return properties;
    }
}
