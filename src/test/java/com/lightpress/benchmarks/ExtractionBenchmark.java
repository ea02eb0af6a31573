package com.lightpress.benchmarks;

import com.lightpress.billing.TrialEnding;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.SplitDeployment;
import com.lightpress.testing.StripeScenarios;
import com.lightpress.users.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures Lightpress split in two processes (notifications extracted) on this machine's embedded
 * servers: the delay from a signed Stripe webhook to the receipt email, and how many events per
 * second cross SQS into the other process's inbox. Not part of the test suite (its name is not a
 * test's); run it with {@code ./mvnw test -Dtest=ExtractionBenchmark}.
 */
class ExtractionBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractionBenchmark.class);
    private static final int WEBHOOKS = 100;
    private static final int EVENTS = 1000;

    @Test
    void measure() {
        try (var deployment = SplitDeployment.extracting("notifications").startBoth()) {
            var user = new OAuthClient(deployment.portOf("auth")).newUser("Benchmark Customer");
            var customer = StripeScenarios.customerOf(deployment.main().jdbc(), user.id());
            webhookToEmail(deployment, user.email(), customer);
            throughput(deployment, new UserId(UUID.fromString(user.id())));
        }
    }

    private static void webhookToEmail(SplitDeployment deployment, String email, String customer) {
        var delays = new ArrayList<Long>();
        for (int i = 0; i < WEBHOOKS; i++) {
            var started = System.nanoTime();
            var number = StripeScenarios.payInvoice(deployment.portOf("billing"), customer);
            Mailbox.awaitSubject(email, "Receipt for invoice " + number);
            delays.add((System.nanoTime() - started) / 1_000_000);
        }
        Collections.sort(delays);
        LOG.info(
                "Webhook to receipt email across two processes, {} invoices: median {} ms, p90 {} ms, worst {} ms",
                WEBHOOKS,
                delays.get(WEBHOOKS / 2),
                delays.get(WEBHOOKS * 9 / 10),
                delays.get(WEBHOOKS - 1));
    }

    private static void throughput(SplitDeployment deployment, UserId user) {
        var inbox = deployment.extracted().jdbc();
        var before = inbox.queryForObject("SELECT count(*) FROM lightpress_shared.inbox", Integer.class);
        var transactions = deployment.main().bean(TransactionTemplate.class);
        var events = deployment.main().events();
        var started = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
            transactions.executeWithoutResult(status -> events.publishEvent(
                    TrialEnding.of(user, "pro", Instant.now().plusSeconds(86400))));
        }
        var published = System.nanoTime();
        Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        inbox.queryForObject("SELECT count(*) FROM lightpress_shared.inbox", Integer.class) - before
                                >= EVENTS);
        var seconds = (System.nanoTime() - started) / 1e9;
        LOG.info(
                "{} events published in {} s and received by the other process within {} s: {} events/s",
                EVENTS,
                String.format("%.1f", (published - started) / 1e9),
                String.format("%.1f", seconds),
                String.format("%.0f", EVENTS / seconds));
    }
}
