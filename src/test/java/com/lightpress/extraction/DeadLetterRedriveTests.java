package com.lightpress.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.billing.InvoicePaid;
import com.lightpress.testing.Api;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.SplitDeployment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * An event on a module's dead-letter queue (twice, as SQS may hold a message twice) is redriven by
 * an admin to the module's queue and processed exactly once; a second redrive finds nothing.
 */
class DeadLetterRedriveTests {

    SplitDeployment deployment = SplitDeployment.extracting("notifications");

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void deadLetteredEventIsRedrivenByAnAdminAndProcessedOnce() {
        deployment.startMain().startExtracted();
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
        deployment.startMain();
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
