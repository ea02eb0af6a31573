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

    /** The first key of billing's advisory locks ("bill"), apart from anyone else's. */
    private static final int LOCK_SPACE = 0x62696c6c;

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

    /**
     * Holds a transaction-scoped lock on one Stripe object, so two events about the same object
     * are applied one after the other, on every instance, and the second sees what the first
     * wrote.
     */
    void lockObject(String objectId) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:space, hashtext(:id))) AS locked")
                .param("space", LOCK_SPACE)
                .param("id", objectId)
                .query(Integer.class)
                .single();
    }

    void markProcessed(String eventId, Instant now) {
        jdbc.sql("UPDATE billing.stripe_events SET processed_at = :now WHERE event_id = :id")
                .param("id", eventId)
                .param("now", Timestamp.from(now))
                .update();
    }
}
