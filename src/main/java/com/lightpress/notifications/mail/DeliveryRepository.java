package com.lightpress.notifications.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Deliveries and the conditional updates that move them from status to status. Each update
 * names the status it expects, so of two senders racing for a delivery only one wins.
 */
interface DeliveryRepository extends ListCrudRepository<Delivery, UUID> {

    @Query("SELECT * FROM notifications.deliveries"
            + " WHERE event_id = :eventId AND template = :template AND user_id = :user")
    Optional<Delivery> findByKey(UUID eventId, String template, UUID user);

    /** Takes a delivery that is due, or whose previous sender's lease ran out, and counts an attempt. */
    @Modifying
    @Query("UPDATE notifications.deliveries SET status = 'SENDING', attempts = attempts + 1,"
            + " claimed_until = :leaseEnd, updated_at = :now WHERE id = :id AND ("
            + " (status IN ('PENDING', 'WAITING') AND (not_before IS NULL OR not_before <= :now))"
            + " OR (status = 'SENDING' AND claimed_until < :now))")
    int claim(UUID id, Instant now, Instant leaseEnd);

    @Modifying
    @Query("UPDATE notifications.deliveries SET status = 'SENT', sent_at = :now, updated_at = :now,"
            + " claimed_until = NULL, last_error = NULL, html_body = NULL, text_body = NULL"
            + " WHERE id = :id AND status = 'SENDING'")
    int markSent(UUID id, Instant now);

    /**
     * Gives a failed attempt back for another try at {@code nextAttempt}, or gives up once the
     * delivery's retry window has closed. The body stays, so an admin can replay a failed email.
     */
    @Modifying
    @Query("UPDATE notifications.deliveries SET"
            + " status = CASE WHEN retry_until <= :now THEN 'FAILED' ELSE 'PENDING' END,"
            + " not_before = :nextAttempt, claimed_until = NULL, last_error = :error, updated_at = :now"
            + " WHERE id = :id AND status = 'SENDING'")
    int recordFailure(UUID id, String error, Instant nextAttempt, Instant now);

    /** Makes a failed delivery due again, with a new retry window; only once. */
    @Modifying
    @Query("UPDATE notifications.deliveries SET status = 'PENDING', not_before = :now, retry_until = :retryUntil,"
            + " updated_at = :now WHERE id = :id AND status = 'FAILED'")
    int replay(UUID id, Instant now, Instant retryUntil);

    /**
     * Email whose time has come: held back by quiet hours, waiting for its next attempt after a
     * failure, or claimed by a sender that vanished.
     */
    @Query("SELECT id FROM notifications.deliveries WHERE"
            + " (status IN ('PENDING', 'WAITING') AND not_before <= :now)"
            + " OR (status = 'SENDING' AND claimed_until < :now)"
            + " ORDER BY coalesce(not_before, claimed_until) LIMIT :limit")
    List<UUID> due(Instant now, int limit);

    @Query("SELECT * FROM notifications.deliveries WHERE status = :status"
            + " ORDER BY updated_at DESC, id DESC LIMIT :limit")
    List<Delivery> findByStatus(String status, int limit);

    @Query("SELECT * FROM notifications.deliveries WHERE user_id = :user ORDER BY created_at DESC")
    List<Delivery> allOf(UUID user);

    @Modifying
    @Query("DELETE FROM notifications.deliveries WHERE user_id = :user")
    int deleteAllOf(UUID user);
}
