package com.lightpress.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.lightpress.billing.config.BillingSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Without an API key billing says so once at start, and every Stripe call is refused. */
class StripeConnectionTests {

    @Test
    void missingApiKeyIsLoggedOnceAndRefusesCalls() {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var logger = (Logger) LoggerFactory.getLogger(StripeConnection.class);
        logger.addAppender(appender);
        try {
            var connection = new StripeConnection(settings(""));

            assertThat(connection.configured()).isFalse();
            assertThatThrownBy(connection::requireConfigured).isInstanceOf(BillingNotConfigured.class);
            assertThatThrownBy(() -> connection.call("read", client -> "never"))
                    .isInstanceOf(BillingNotConfigured.class);
            assertThat(appender.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("Billing is not configured");
            });
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void apiKeyMakesBillingConfiguredWithoutALogLine() {
        assertThat(new StripeConnection(settings("sk_test_x")).configured()).isTrue();
    }

    private static BillingSettings settings(String apiKey) {
        var stripe = new BillingSettings.StripeAccess(
                apiKey, null, "http://127.0.0.1:9", 0, Duration.ofSeconds(1), Duration.ofSeconds(1));
        return new BillingSettings(
                Map.of(),
                "free",
                stripe,
                Duration.ofDays(7),
                new BillingSettings.Links(null, null, null),
                new BillingSettings.Reconciliation(Duration.ofHours(1)));
    }
}
