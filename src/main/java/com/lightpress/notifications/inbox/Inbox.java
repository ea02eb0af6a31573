package com.lightpress.notifications.inbox;

import com.lightpress.platform.PageCursor;
import com.lightpress.users.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' in-app inboxes. A new notification is announced on a PostgreSQL channel in the
 * transaction that stores it, so every instance's open streams hear of it once it is committed.
 */
@Service
@Transactional
public class Inbox {

    /** Before every notification there is, in the order newest first. */
    private static final Instant NEWEST = Instant.parse("9999-12-31T23:59:59Z");

    private static final UUID LAST_ID = new UUID(-1L, -1L);

    /** The PostgreSQL channel that carries {@code <user id>:<notification id>} of new notifications. */
    public static final String CHANNEL = "lightpress_notifications";

    /** The channel on which every process hears that a user's sessions ended, payload the user id. */
    public static final String SESSIONS_ENDED = "lightpress_sessions_ended";

    private final NotificationRepository notifications;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Inbox(NotificationRepository notifications, JdbcTemplate jdbc, Clock clock) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Puts a notification into its recipient's inbox, unless this event already put it there. */
    public Optional<NotificationView> deliver(NewNotification request) {
        if (notifications.exists(
                request.eventId(), request.template(), request.recipient().value())) {
            return Optional.empty();
        }
        var notification = notifications.save(Notification.create(request, clock.instant()));
        var payload = notification.userId() + ":" + notification.id();
        jdbc.query("SELECT pg_notify(?, ?)", row -> {}, CHANNEL, payload);
        return Optional.of(notification.toView());
    }

    @Transactional(readOnly = true)
    public InboxPage page(UserId user, boolean unreadOnly, @Nullable String cursor, int limit) {
        var from = cursor == null ? null : PageCursor.parse(cursor, 2);
        var found = notifications.page(
                user.value(),
                unreadOnly,
                from == null ? NEWEST : from.instant(0),
                from == null ? LAST_ID : from.uuid(1),
                limit + 1);
        var items = found.stream().limit(limit).map(Notification::toView).toList();
        var last = items.isEmpty() ? null : items.get(items.size() - 1);
        var next = found.size() > limit && last != null ? PageCursor.of(last.createdAt(), last.id()) : null;
        return new InboxPage(items, next);
    }

    @Transactional(readOnly = true)
    public long unreadCount(UserId user) {
        return notifications.countUnread(user.value());
    }

    @Transactional(readOnly = true)
    public Optional<NotificationView> find(UserId user, UUID id) {
        return notifications.findOwned(id, user.value()).map(Notification::toView);
    }

    /** The user's notifications after the given one, oldest first, for a stream that reconnects. */
    @Transactional(readOnly = true)
    public List<NotificationView> after(UserId user, UUID lastSeen, int limit) {
        return notifications
                .findOwned(lastSeen, user.value())
                .map(seen -> notifications.after(user.value(), seen.toView().createdAt(), seen.id(), limit))
                .orElse(List.of())
                .stream()
                .map(Notification::toView)
                .toList();
    }

    public NotificationView markRead(UserId user, UUID id) {
        var notification = notifications.findOwned(id, user.value()).orElseThrow(() -> new NotificationNotFound(id));
        notification.markRead(clock.instant());
        return notifications.save(notification).toView();
    }

    public int markAllRead(UserId user) {
        return notifications.markAllRead(user.value(), clock.instant());
    }

    public void delete(UserId user, UUID id) {
        if (notifications.deleteOwned(id, user.value()) == 0) {
            throw new NotificationNotFound(id);
        }
    }

    public void forget(UserId user) {
        notifications.deleteAllOf(user.value());
    }

    @Transactional(readOnly = true)
    public List<NotificationView> allOf(UserId user) {
        return notifications.allOf(user.value()).stream()
                .map(Notification::toView)
                .toList();
    }
}
