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

    /** Gives a failed attempt back, or gives up once the attempts reach the limit. */
    @Modifying
    @Query("UPDATE notifications.deliveries SET"
            + " status = CASE WHEN attempts >= :maxAttempts THEN 'FAILED'"
            + "   WHEN not_before IS NULL THEN 'PENDING' ELSE 'WAITING' END,"
            + " html_body = CASE WHEN attempts >= :maxAttempts THEN NULL ELSE html_body END,"
            + " text_body = CASE WHEN attempts >= :maxAttempts THEN NULL ELSE text_body END,"
            + " claimed_until = NULL, last_error = :error, updated_at = :now"
            + " WHERE id = :id AND status = 'SENDING'")
    int recordFailure(UUID id, String error, int maxAttempts, Instant now);

    /** Held-back email whose quiet hours are over, and held-back email whose sender vanished. */
    @Query("SELECT id FROM notifications.deliveries WHERE not_before IS NOT NULL AND ("
            + " (status = 'WAITING' AND not_before <= :now) OR (status = 'SENDING' AND claimed_until < :now))"
            + " ORDER BY not_before LIMIT :limit")
    List<UUID> dueDeferred(Instant now, int limit);

    @Query("SELECT * FROM notifications.deliveries WHERE status = :status"
            + " ORDER BY updated_at DESC, id DESC LIMIT :limit")
    List<Delivery> findByStatus(String status, int limit);

    @Query("SELECT * FROM notifications.deliveries WHERE user_id = :user ORDER BY created_at DESC")
    List<Delivery> allOf(UUID user);

    @Modifying
    @Query("DELETE FROM notifications.deliveries WHERE user_id = :user")
    int deleteAllOf(UUID user);
}
