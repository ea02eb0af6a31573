package com.lightpress.notifications.inbox;

import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** One message in a user's in-app inbox. */
@Table(schema = "notifications", name = "notifications")
class Notification {

    @Id
    private final UUID id;

    private final UserId userId;
    private final String category;
    private final String title;
    private final String body;
    private final Instant createdAt;
    private @Nullable Instant readAt;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Notification(
            UUID id,
            UserId userId,
            String category,
            String title,
            String body,
            Instant createdAt,
            @Nullable Instant readAt,
            @Nullable Long version) {
        this.id = id;
        this.userId = userId;
        this.category = category;
        this.title = title;
        this.body = body;
        this.createdAt = createdAt;
        this.readAt = readAt;
        this.version = version;
    }

    static Notification create(UserId userId, String category, String title, String body, Instant now) {
        return new Notification(UUID.randomUUID(), userId, category, title, body, now, null, null);
    }

    NotificationView toView() {
        return new NotificationView(id, category, title, body, createdAt, readAt);
    }
}
