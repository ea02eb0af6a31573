package com.lightpress.benchmarks;

import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.SplitDeployment;
import com.lightpress.testing.StripeScenarios;
import java.util.ArrayList;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures Lightpress split in two processes (notifications extracted) on this machine's embedded
 * servers: the delay from a signed Stripe webhook to the receipt email. Events per second across
 * processes are measured by {@code bench/run}. Not part of the test suite (its name is not a
 * test's); run it with {@code ./mvnw test -Dtest=ExtractionBenchmark}.
 */
class ExtractionBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractionBenchmark.class);
    private static final int WEBHOOKS = 100;

    @Test
    void measure() {
        try (var deployment = SplitDeployment.extracting("notifications").startBoth()) {
            var user = new OAuthClient(deployment.portOf("auth")).newUser("Benchmark Customer");
            var customer = StripeScenarios.customerOf(deployment.main().jdbc(), user.id());
            webhookToEmail(deployment, user.email(), customer);
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
}
