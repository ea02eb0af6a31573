package com.lightpress.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.SpanRecorder;
import com.lightpress.testing.SplitDeployment;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With notifications in its own process, one sign-up is one trace: the request in the main
 * process, the event sent over SQS, its receipt in the notifications process and that process's
 * call back to users' API all carry the same trace id.
 */
class CrossProcessTraceTests {

    SplitDeployment deployment = SplitDeployment.extracting("notifications");

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void signUpIsOneTraceAcrossBothProcesses() {
        deployment.startMain().startExtracted();
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
}
