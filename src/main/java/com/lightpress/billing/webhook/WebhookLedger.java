package com.lightpress.billing.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every Stripe event id Lightpress has accepted, with when it was processed. The primary key makes
 * a redelivered event recognisable however many instances receive it at once.
 */
@Component
class WebhookLedger {

    private final JdbcClient jdbc;

    WebhookLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event; answers false when it was recorded before. */
    boolean record(String eventId, String type, Instant now) {
        return jdbc.sql("""
                        INSERT INTO billing.stripe_events (event_id, type, received_at)
                        VALUES (:id, :type, :now) ON CONFLICT (event_id) DO NOTHING""")
                        .param("id", eventId)
                        .param("type", type)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean processed(String eventId) {
        return jdbc.sql("SELECT processed_at IS NOT NULL FROM billing.stripe_events WHERE event_id = :id")
                .param("id", eventId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void markProcessed(String eventId, Instant now) {
        jdbc.sql("UPDATE billing.stripe_events SET processed_at = :now WHERE event_id = :id")
                .param("id", eventId)
                .param("now", Timestamp.from(now))
                .update();
    }
}
