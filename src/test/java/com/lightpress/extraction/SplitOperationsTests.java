package com.lightpress.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.billing.InvoicePaid;
import com.lightpress.testing.Api;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.SpanRecorder;
import com.lightpress.testing.SplitDeployment;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * Operating a split deployment (notifications in a process of its own), on one pair of processes:
 * one sign-up is one trace whose spans come from both processes (the request, the event sent over
 * SQS, its receipt, the call back to users' API); an event on a module's dead-letter queue (twice,
 * as SQS may hold a message twice) is redriven by an admin and processed exactly once.
 */
class SplitOperationsTests {

    static SplitDeployment deployment = SplitDeployment.extracting("notifications");

    @BeforeAll
    static void start() {
        deployment.startMain().startExtracted();
    }

    @AfterAll
    static void stop() {
        deployment.close();
    }

    @Test
    void signUpIsOneTraceAcrossBothProcesses() {
        var email = "traced-" + UUID.randomUUID() + "@example.com";

        new OAuthClient(deployment.portOf("auth"))
                .signUp(email, "correct horse battery staple " + UUID.randomUUID(), "Traced");
        Mailbox.awaitSubject(email, "Confirm your email address");

        var main = deployment.main().bean(SpanRecorder.class);
        var extracted = deployment.extracted().bean(SpanRecorder.class);
        var signUp = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> main.spans().stream()
                                .filter(span -> span.getKind() == SpanKind.SERVER && mentions(span, "/api/auth/signup"))
                                .findFirst(),
                        found -> found.isPresent())
                .orElseThrow();
        var traceId = signUp.getTraceId();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(main.trace(traceId))
                    .anySatisfy(span -> assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER));
            assertThat(extracted.trace(traceId))
                    .anySatisfy(span -> assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER));
        });
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(main.trace(traceId)).anySatisfy(span -> {
                    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                    assertThat(mentions(span, "/internal/users")).isTrue();
                }));
    }

    private static boolean mentions(SpanData span, String path) {
        return span.getName().contains(path)
                || span.getAttributes().asMap().values().stream()
                        .anyMatch(value -> String.valueOf(value).contains(path));
    }

    @Test
    void deadLetteredEventIsRedrivenByAnAdminAndProcessedOnce() {
        var oauth = new OAuthClient(deployment.portOf("auth"));
        var user = oauth.newUser("Redriven Customer");
        var event = InboundOutageTests.paid(user, 0);
        var queues = new Queues(deployment);
        deadLetter(queues, event);
        deadLetter(queues, event);
        await().atMost(Duration.ofSeconds(10)).until(() -> queues.waiting("notifications-dlq") == 2);
        var admin = oauth.admin();

        var moved = redrive(admin);

        assertThat(moved).contains("\"messages\":2");
        Mailbox.awaitSubject(user.email(), "Receipt for invoice " + event.number());
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> InboundOutageTests.receipts(user, List.of(event)) == 1);
        assertThat(queues.waiting("notifications-dlq")).isZero();
        assertThat(redrive(admin)).contains("\"messages\":0");
        assertThat(queueStates(admin)).contains("\"module\":\"notifications\"", "\"deadLetters\":0");
    }

    @Test
    void onlyAdminsRedriveAndOnlyModulesHaveQueues() {
        var oauth = new OAuthClient(deployment.portOf("auth"));
        var api = Api.client(deployment.main().port());

        api.post()
                .uri("/api/admin/queues/notifications/redrive")
                .header(HttpHeaders.AUTHORIZATION, oauth.newUser("Not Admin").bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
        api.post()
                .uri("/api/admin/queues/nothing/redrive")
                .header(HttpHeaders.AUTHORIZATION, oauth.admin().bearer())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private void deadLetter(Queues queues, InvoicePaid event) {
        queues.send("notifications-dlq", event, Map.of("lightpress-dead-letter-reason", "failed too often"));
    }

    private String redrive(OAuthClient.TestUser admin) {
        var api = Api.client(deployment.extracted().port());
        return Api.okBody(api.post().uri("/api/admin/queues/notifications/redrive"), admin);
    }

    private String queueStates(OAuthClient.TestUser admin) {
        return Api.okBody(Api.client(deployment.main().port()).get().uri("/api/admin/queues"), admin);
    }
}
