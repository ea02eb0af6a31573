package com.lightpress.notifications.inbox;

import com.lightpress.users.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One message in a user's in-app inbox. It remembers the event and template it came from, so the
 * same event delivered twice does not put it there twice.
 */
@Table(schema = "notifications", name = "notifications")
class Notification {

    @Id
    private final UUID id;

    private final UserId userId;
    private final @Nullable UUID eventId;
    private final @Nullable String template;
    private final String category;
    private final String title;
    private final String body;
    private final @Nullable String link;
    private final Instant createdAt;
    private @Nullable Instant readAt;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Notification(
            UUID id,
            UserId userId,
            @Nullable UUID eventId,
            @Nullable String template,
            String category,
            String title,
            String body,
            @Nullable String link,
            Instant createdAt,
            @Nullable Instant readAt,
            @Nullable Long version) {
        this.id = id;
        this.userId = userId;
        this.eventId = eventId;
        this.template = template;
        this.category = category;
        this.title = title;
        this.body = body;
        this.link = link;
        this.createdAt = createdAt;
        this.readAt = readAt;
        this.version = version;
    }

    /** A new unread notification; its time is cut to what PostgreSQL stores, so cursors match. */
    static Notification create(NewNotification request, Instant now) {
        return new Notification(
                UUID.randomUUID(),
                request.recipient(),
                request.eventId(),
                request.template(),
                request.category(),
                request.title(),
                request.body(),
                request.link(),
                now.truncatedTo(ChronoUnit.MICROS),
                null,
                null);
    }

    UUID id() {
        return id;
    }

    UserId userId() {
        return userId;
    }

    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    NotificationView toView() {
        return new NotificationView(id, category, title, body, link, createdAt, readAt);
    }
}
