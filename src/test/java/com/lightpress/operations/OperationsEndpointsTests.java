package com.lightpress.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.ServletRequestHandledEvent;

/**
 * What operators read: Prometheus metrics, for admins only, with Lightpress's own meters (the admin's own sign-up,
 * login and token are counted); and JSON
 * log lines that carry the trace id of the request they were written in, the one the caller sent
 * in its {@code traceparent} header; and one observation per request, not one per security filter.
 */
@LightpressTest
@Import({OperationsEndpointsTests.Probe.class, OperationsEndpointsTests.Observations.class})
class OperationsEndpointsTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Observations observations;

    @Test
    void prometheusMetricsAreForAdminsOnlyAndHoldLightpressMeters() {
        var client = new OAuthClient(port);
        var api = Api.client(port);

        api.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        api.get()
                .uri("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, client.newUser("Curious").bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
        var metrics = Api.okBody(api.get().uri("/actuator/prometheus"), client.admin());

        assertThat(metrics)
                .contains(
                        "lightpress_events_incomplete_all",
                        "lightpress_events_dead",
                        "lightpress_emails_sent_total",
                        "lightpress_emails_failed_total",
                        "lightpress_emails_dead_total",
                        "lightpress_billing_webhook_lag_seconds",
                        "lightpress_logins_total{outcome=\"success\"",
                        "lightpress_signups_total{outcome=\"new\"",
                        "lightpress_tokens_issued_total{grant=\"authorization_code\"",
                        "http_server_requests_seconds");
    }

    /**
     * Encodes each log line of the request with the encoder the {@code prod} profile writes to the
     * console (Spring Boot's structured ECS JSON), in the request's thread as the console would.
     */
    @Test
    void everyJsonLogLineOfARequestCarriesItsTraceId() {
        var traceId = HexFormat.of().formatHex(randomBytes(16));
        var marker = UUID.randomUUID().toString();
        var logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        var encoder = new StructuredLogEncoder();
        encoder.setContext(logs);
        encoder.setFormat("ecs");
        encoder.start();
        var lines = new CopyOnWriteArrayList<String>();
        var appender = new AppenderBase<ILoggingEvent>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8).strip());
            }
        };
        appender.setContext(logs);
        appender.start();
        var probeLogger = logs.getLogger(Probe.class);
        probeLogger.addAppender(appender);
        try {
            Api.client(port)
                    .get()
                    .uri("/operations-probe?marker=" + marker)
                    .header(
                            "traceparent",
                            "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                    .exchange()
                    .expectStatus()
                    .isOk();
        } finally {
            probeLogger.detachAppender(appender);
        }

        assertThat(lines)
                .hasSize(2)
                .allSatisfy(line -> assertThat(
                                OAuthClient.json(line).path("traceId").asString())
                        .isEqualTo(traceId));
        assertThat(lines).allSatisfy(line -> assertThat(line).contains(marker));
    }

    @Test
    void anAuthenticatedRequestIsOneObservationNotOnePerSecurityFilterAndPublishesNoEvent() {
        var user = new OAuthClient(port).newUser("Observed");
        observations.started.clear();
        observations.handledEvents.set(0);

        Api.okBody(Api.client(port).get().uri("/api/users/me"), user);

        assertThat(observations.started)
                .contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security"));
        assertThat(observations.handledEvents.get())
                .as("request-handled events published")
                .isZero();
    }

    private static byte[] randomBytes(int length) {
        var bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** A public endpoint that writes two log lines, from the request's thread. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class Probe {

        private static final Logger LOG = LoggerFactory.getLogger(Probe.class);

        @GetMapping("/operations-probe")
        String probe(@RequestParam String marker) {
            LOG.info("Probe {} received", marker);
            LOG.warn("Probe {} answered", marker);
            return marker;
        }
    }

    /** The names of the observations the application starts, and how many request-handled events it publishes. */
    @TestComponent
    static class Observations implements ObservationHandler<Observation.Context> {

        final List<String> started = new CopyOnWriteArrayList<>();
        final AtomicInteger handledEvents = new AtomicInteger();

        @EventListener
        void on(ServletRequestHandledEvent event) {
            handledEvents.incrementAndGet();
        }

        @Override
        public void onStart(Observation.Context context) {
            started.add(context.getName());
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }
}
