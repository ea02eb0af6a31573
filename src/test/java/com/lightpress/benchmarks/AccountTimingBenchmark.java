package com.lightpress.benchmarks;

import com.lightpress.testing.EmbeddedServers;
import com.lightpress.testing.LightpressProcess;
import com.lightpress.testing.OAuthClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares how long sign-up and a password-reset request take for a new or unknown address and
 * for one already registered, with the production password hashing, so the answer's timing does
 * not reveal who has an account. Not part of the test suite; run it with
 * {@code ./mvnw test -Dtest=AccountTimingBenchmark}.
 */
class AccountTimingBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(AccountTimingBenchmark.class);
    private static final int ROUNDS = 40;

    @Test
    void measure() {
        var port = EmbeddedServers.freePort();
        var production = Map.<String, Object>of(
                "lightpress.auth.password-hashing.memory-kib", 19456, "lightpress.auth.password-hashing.iterations", 2);
        try (var process = LightpressProcess.start(EmbeddedServers.shared().createDatabase(), port, production)) {
            var client = new OAuthClient(port);
            var known = "known-" + UUID.randomUUID() + "@example.com";
            client.signUp(known, "the known account's passphrase", "Known");
            for (int i = 0; i < 5; i++) {
                client.signUp("warmup-" + UUID.randomUUID() + "@example.com", "a warm-up passphrase 1", "Warm");
            }
            var fresh = new ArrayList<Long>();
            var existing = new ArrayList<Long>();
            for (int i = 0; i < ROUNDS; i++) {
                fresh.add(time(() ->
                        client.signUp("new-" + UUID.randomUUID() + "@example.com", "a new passphrase 12", "New")));
                existing.add(time(() -> client.signUp(known, "another passphrase 34", "Again")));
            }
            var unknownResets = new ArrayList<Long>();
            var knownResets = new ArrayList<Long>();
            for (int i = 0; i < ROUNDS; i++) {
                unknownResets.add(time(() -> client.post(
                        "/api/auth/password-reset", Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com"))));
                knownResets.add(time(() -> client.post("/api/auth/password-reset", Map.of("email", known))));
            }
            LOG.info(
                    "Sign-up over HTTP, {} rounds: new address median {} ms (p90 {}), known address median {} ms (p90 {})",
                    ROUNDS,
                    median(fresh),
                    p90(fresh),
                    median(existing),
                    p90(existing));
            LOG.info(
                    "Password-reset request over HTTP, {} rounds: unknown address median {} ms (p90 {}),"
                            + " known address median {} ms (p90 {})",
                    ROUNDS,
                    median(unknownResets),
                    p90(unknownResets),
                    median(knownResets),
                    p90(knownResets));
        }
    }

    private static long time(Runnable request) {
        var started = System.nanoTime();
        request.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static long median(List<Long> values) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long p90(List<Long> values) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() * 9 / 10);
    }
}
