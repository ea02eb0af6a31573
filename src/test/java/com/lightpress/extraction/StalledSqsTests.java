package com.lightpress.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.Deployment;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.Publications;
import com.lightpress.testing.StripeScenarios;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An SQS that takes requests and never answers holds the events on their way to other processes,
 * on the externalizer's own threads only: the process's own listeners keep working meanwhile.
 * When the externalizer shared their executor (eight threads), a dozen held sends (one per
 * sign-up, for notifications' process) stopped them until the sends timed out, minutes later.
 */
class StalledSqsTests {

    Deployment deployment = new Deployment()
            .with("notifications", "proc_notifications", "notifications")
            .with("main", "proc_main", "users", "auth", "billing");

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void sendsThatSqsLeavesUnansweredHoldNoneOfTheProcesssOwnListeners() throws IOException {
        try (var sqs = new SilentServer()) {
            deployment.start(
                    "main",
                    Map.of("spring.cloud.aws.sqs.endpoint", sqs.url(), "lightpress.platform.sqs.create-queues", false));
            var auth = new OAuthClient(deployment.portOf("auth"));
            for (int i = 0; i < 11; i++) {
                auth.newUser("Stalled Customer " + i);
            }
            var user = auth.newUser("Paying Customer");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(sqs.connections()).as("connections to SQS").isPositive();
                assertThat(Publications.unsent(deployment.database()))
                        .as("events on their way")
                        .isGreaterThanOrEqualTo(12);
            });

            var number = StripeScenarios.payInvoice(
                    deployment.portOf("billing"), StripeScenarios.customerOf(deployment.database(), user.id()));

            await().atMost(Duration.ofSeconds(10)).until(() -> invoicesNumbered(number) == 1);
            assertThat(Publications.unsent(deployment.database()))
                    .as("the sends are still held")
                    .isGreaterThanOrEqualTo(12);
        }
    }

    private int invoicesNumbered(String number) {
        return deployment
                .database()
                .queryForObject("SELECT count(*) FROM billing.invoices WHERE number = ?", Integer.class, number);
    }

    /** Accepts connections and reads nothing from them, never answering. */
    static final class SilentServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            var acceptor = new Thread(this::accept, "silent-sqs");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        int connections() {
            return accepted.size();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    accepted.add(socket.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (var connection : accepted) {
                connection.close();
            }
        }
    }
}
