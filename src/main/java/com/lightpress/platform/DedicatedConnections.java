package com.lightpress.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Database connections of their own, outside the pool, for what needs a session that lasts as
 * long as the process (a LISTEN, an advisory lock held while the process lives): a pooled
 * connection would be handed to someone else, or taken from the requests that need it.
 */
public final class DedicatedConnections {

    private static final Logger LOG = LoggerFactory.getLogger(DedicatedConnections.class);

    private DedicatedConnections() {}

    /** Opens a connection named for what holds it, so it shows in {@code pg_stat_activity}. */
    public static Connection open(JdbcConnectionDetails database, String applicationName) throws SQLException {
        var properties = new Properties();
        var user = database.getUsername();
        if (user != null) {
            properties.setProperty("user", user);
        }
        var password = database.getPassword();
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(database.getJdbcUrl(), properties);
    }

    /** Closes a connection that may already be broken, without complaint. */
    public static void closeQuietly(@Nullable Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a dedicated connection failed", e);
        }
    }
}
