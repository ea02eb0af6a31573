package com.lightpress.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL channels ({@code LISTEN}) over a connection of its own outside the pool
 * ({@link DedicatedConnections}), on a thread of its own, and reconnects after losing it. NOTIFY
 * reaches only listeners connected at that moment, so a subclass hears when listening begins and
 * ends, and makes up for what it may have missed in between; until it first hears that listening
 * began, it must assume it hears nothing. Every method it implements runs on the listening thread,
 * but {@link #deaf()} also on the thread that stops it. It starts early (phase 0): before the web
 * server takes requests, and stops after it.
 */
public abstract class ChannelListener implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration RETRY = Duration.ofSeconds(2);
    /** What LISTEN takes unquoted and pg_notify finds as written: the name goes into SQL as it is. */
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcConnectionDetails database;
    private final String name;
    private final List<String> channels;
    private volatile boolean running;
    private volatile @Nullable Connection connection;
    private @Nullable Thread thread;

    /**
     * @param name names the thread and the connection (in {@code pg_stat_activity}), e.g.
     *     {@code lightpress-notifications-listener}
     */
    protected ChannelListener(JdbcConnectionDetails database, String name, List<String> channels) {
        channels.forEach(channel -> {
            if (!CHANNEL_NAME.matcher(channel).matches()) {
                throw new IllegalArgumentException("Not a channel name for LISTEN: " + channel);
            }
        });
        this.database = database;
        this.name = name;
        this.channels = List.copyOf(channels);
    }

    /**
     * Listening began, or began again after the connection was lost: whatever was announced
     * meanwhile went unheard. Runs before any notification of the new connection.
     */
    protected abstract void listening();

    /** The connection was lost, or could not be opened: from now until {@link #listening()}, nothing is heard. */
    protected abstract void deaf();

    protected abstract void received(String channel, String payload);

    /** Connects at once, so that it listens before the web server takes requests. */
    @Override
    public final void start() {
        running = true;
        try {
            connection = connect();
        } catch (SQLException e) {
            LOG.warn("Cannot listen on {} yet; retrying in the background", channels, e);
        }
        var listening = new Thread(this::listen, name);
        listening.setDaemon(true);
        listening.start();
        thread = listening;
    }

    @Override
    public final void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        DedicatedConnections.closeQuietly(connection);
        deaf();
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final int getPhase() {
        return 0;
    }

    /** One round per connection: receiving returns only when stopped, and anything failing starts the next round. */
    private void listen() {
        // counts failures in a row; a failed connection at start was one
        var failures = connection == null ? 1 : 0;
        while (running) {
            try {
                var current = connection;
                if (current == null) {
                    current = connect();
                    connection = current;
                }
                listening();
                if (failures > 0) {
                    LOG.info("Listening on {} again", channels);
                }
                failures = 0;
                receive(current.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                // whatever failed, listening starts over: a thread that ended would leave the
                // subclass believing it hears what it no longer does
                if (running) {
                    if (failures++ == 0) {
                        LOG.warn("Lost the connection that listens on {}; retrying every {}", channels, RETRY, e);
                        deaf();
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
                try {
                    received(notification.getName(), notification.getParameter());
                } catch (RuntimeException e) {
                    LOG.warn("Could not handle {} on {}", notification.getParameter(), notification.getName(), e);
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        var opened = DedicatedConnections.open(database, name);
        try (var statement = opened.createStatement()) {
            for (var channel : channels) {
                statement.execute("LISTEN " + channel);
            }
        } catch (SQLException e) {
            DedicatedConnections.closeQuietly(opened);
            throw e;
        }
        return opened;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
