package com.lightpress.notifications.stream;

import com.lightpress.notifications.inbox.Inbox;
import com.lightpress.platform.ChannelListener;
import com.lightpress.users.UserId;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.stereotype.Component;

/**
 * Listens on the PostgreSQL channels on which every instance announces new notifications and
 * ended logins, and hands each to this process's open streams. NOTIFY reaches only listeners
 * connected at that moment, so whenever it (re)starts listening it ends every open stream: the
 * clients reconnect with {@code Last-Event-ID} and catch up from the inbox.
 */
@Component
class DatabaseNotifications extends ChannelListener {

    private final NotificationStream stream;

    DatabaseNotifications(JdbcConnectionDetails database, NotificationStream stream) {
        super(database, "lightpress-notifications-listener", List.of(Inbox.CHANNEL, Inbox.SESSIONS_ENDED));
        this.stream = stream;
    }

    @Override
    protected void listening() {
        stream.closeAll();
    }

    @Override
    protected void deaf() {
        // the streams stay open until listening resumes, then end (see listening)
    }

    /** A payload that cannot be read is logged by the listener and skipped. */
    @Override
    protected void received(String channel, String payload) {
        if (Inbox.CHANNEL.equals(channel)) {
            var parts = payload.split(":", 2);
            stream.push(new UserId(UUID.fromString(parts[0])), UUID.fromString(parts[1]));
        } else if (Inbox.SESSIONS_ENDED.equals(channel)) {
            stream.closeAll(new UserId(UUID.fromString(payload)));
        }
    }
}
