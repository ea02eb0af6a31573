package com.lightpress.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.Deployment;
import com.lightpress.testing.EmbeddedServers;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.Publications;
import com.lightpress.testing.StripeScenarios;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Events that SQS does not take. Those that the main process could not send to notifications'
 * process before it stopped (SQS unreachable) are sent once, by the process that runs their
 * publisher when the deployment comes back: the main process sends what its modules published,
 * and an event of billing, which has moved into a process of its own meanwhile, waits in the main
 * process's registry for billing's process to take it over and send it, as only that process runs
 * billing (and, in AWS, may send billing's events). Those that an SQS which takes requests and
 * never answers holds are held on the externalizer's own threads only: the process's own listeners
 * keep working meanwhile. When the externalizer shared their executor (eight threads), a dozen held
 * sends (one per sign-up, for notifications' process) stopped them until the sends timed out.
 */
class UnsentEventsTests {

    static final String VERIFY = "Confirm your email address";

    Deployment deployment = new Deployment()
            .with("notifications", "proc_notifications", "notifications")
            .with("main", "proc_main", "users", "auth", "billing");

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void eventsLeftUnsentAreSentOnceByTheProcessThatRunsTheirPublisherNow() {
        deployment.start("notifications");
        deployment.start("main", Deployment.sqsAt("http://127.0.0.1:" + EmbeddedServers.freePort()));
        var user = new OAuthClient(deployment.portOf("auth")).newUser("Unsent Customer");
        var number = StripeScenarios.payInvoice(
                deployment.portOf("billing"), StripeScenarios.customerOf(deployment.database(), user.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> unsent("auth") == 1 && unsent("billing") == 1);
        deployment.stop("main");

        deployment
                .with("main", "proc_main", "users", "auth")
                .with("billing", "proc_billing", "billing")
                .start("main");

        Mailbox.awaitSubject(user.email(), VERIFY);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> unsent("billing") == 1);

        deployment.start("billing");

        Mailbox.awaitSubject(user.email(), "Receipt for invoice " + number);
        await().atMost(Duration.ofSeconds(20)).until(() -> unsent("billing") == 0);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(Mailbox.to(user.email()).stream().map(Mailbox.Email::subject))
                                .containsExactlyInAnyOrder(VERIFY, "Receipt for invoice " + number));
    }

    @Test
    void sendsThatSqsLeavesUnansweredHoldNoneOfTheProcesssOwnListeners() throws IOException {
        try (var sqs = new SilentServer()) {
            deployment.start("main", Deployment.sqsAt(sqs.url()));
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

    private int unsent(String module) {
        return Publications.unsent(deployment.database(), module);
    }
}
