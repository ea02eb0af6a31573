package com.lightpress.notifications.stream;

import com.lightpress.notifications.inbox.Inbox;
import com.lightpress.platform.DedicatedConnections;
import com.lightpress.users.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on the PostgreSQL channel on which every instance announces new notifications, over a
 * connection of its own outside the pool, and hands each to this process's open streams. NOTIFY
 * reaches only listeners connected at that moment, so after losing its connection it ends every
 * open stream: the clients reconnect with {@code Last-Event-ID} and catch up from the inbox.
 */
@Component
class DatabaseNotifications implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseNotifications.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final JdbcConnectionDetails database;
    private final NotificationStream stream;
    private volatile boolean running;
    private volatile @Nullable Connection connection;
    private @Nullable Thread thread;
    private int failures;

    DatabaseNotifications(JdbcConnectionDetails database, NotificationStream stream) {
        this.database = database;
        this.stream = stream;
    }

    /** Listens before the application takes requests, so no stream opens unheard. */
    @Override
    public void start() {
        running = true;
        connection = connectOrNull();
        thread = new Thread(this::listen, "notifications-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        DedicatedConnections.closeQuietly(connection);
    }

    /** Early, so it listens before the web server takes requests and stops after it. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try {
                var current = connection;
                if (current == null) {
                    current = connect();
                    connection = current;
                    LOG.info("Listening for new notifications again; open streams are ended so clients catch up");
                    stream.closeAll();
                    failures = 0;
                }
                receive(current.unwrap(PGConnection.class));
            } catch (SQLException e) {
                if (running) {
                    if (failures++ == 0) {
                        LOG.warn("Lost the connection that listens for new notifications; retrying every {}", RETRY, e);
                    }
                    DedicatedConnections.closeQuietly(connection);
                    connection = null;
                    pause();
                }
            }
        }
    }

    private void receive(PGConnection listener) throws SQLException {
        while (running) {
            var notifications = listener.getNotifications(POLL_MILLIS);
            if (notifications == null) {
                continue;
            }
            for (var notification : notifications) {
                if (Inbox.CHANNEL.equals(notification.getName())) {
                    dispatch(notification.getParameter());
                } else if (Inbox.SESSIONS_ENDED.equals(notification.getName())) {
                    end(notification.getParameter());
                }
            }
        }
    }

    private void dispatch(String payload) {
        try {
            var parts = payload.split(":", 2);
            stream.push(new UserId(UUID.fromString(parts[0])), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            LOG.warn("Could not push notification {} to its streams", payload, e);
        }
    }

    private void end(String user) {
        try {
            stream.closeAll(new UserId(UUID.fromString(user)));
        } catch (RuntimeException e) {
            LOG.warn("Could not end the streams of {}", user, e);
        }
    }

    private @Nullable Connection connectOrNull() {
        try {
            return connect();
        } catch (SQLException e) {
            LOG.warn("Cannot listen for new notifications yet; retrying in the background", e);
            return null;
        }
    }

    private Connection connect() throws SQLException {
        var connection = DedicatedConnections.open(database, "lightpress-notifications-listener");
        try (var statement = connection.createStatement()) {
            statement.execute("LISTEN " + Inbox.CHANNEL);
            statement.execute("LISTEN " + Inbox.SESSIONS_ENDED);
        }
        return connection;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
