package com.lightpress.notifications.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface NotificationRepository extends ListCrudRepository<Notification, UUID> {

    String COLUMNS = "SELECT * FROM notifications.notifications ";

    /** One page, newest first; ties on the time are broken by id so the order is total. */
    @Query(COLUMNS + "WHERE user_id = :user AND (NOT :unreadOnly OR read_at IS NULL)"
            + " AND (created_at, id) < (:before, :beforeId) ORDER BY created_at DESC, id DESC LIMIT :limit")
    List<Notification> page(UUID user, boolean unreadOnly, Instant before, UUID beforeId, int limit);

    /** What a reconnecting stream missed: notifications after the given one, oldest first. */
    @Query(COLUMNS + "WHERE user_id = :user AND (created_at, id) > (:after, :afterId)"
            + " ORDER BY created_at, id LIMIT :limit")
    List<Notification> after(UUID user, Instant after, UUID afterId, int limit);

    @Query(COLUMNS + "WHERE id = :id AND user_id = :user")
    Optional<Notification> findOwned(UUID id, UUID user);

    @Query("SELECT count(*) FROM notifications.notifications WHERE user_id = :user AND read_at IS NULL")
    long countUnread(UUID user);

    @Query("SELECT EXISTS (SELECT 1 FROM notifications.notifications"
            + " WHERE event_id = :eventId AND template = :template AND user_id = :user)")
    boolean exists(UUID eventId, String template, UUID user);

    @Modifying
    @Query("UPDATE notifications.notifications SET read_at = :now, version = version + 1"
            + " WHERE user_id = :user AND read_at IS NULL")
    int markAllRead(UUID user, Instant now);

    @Modifying
    @Query("DELETE FROM notifications.notifications WHERE id = :id AND user_id = :user")
    int deleteOwned(UUID id, UUID user);

    @Modifying
    @Query("DELETE FROM notifications.notifications WHERE user_id = :user")
    int deleteAllOf(UUID user);

    @Query(COLUMNS + "WHERE user_id = :user ORDER BY created_at DESC, id DESC")
    List<Notification> allOf(UUID user);
}
