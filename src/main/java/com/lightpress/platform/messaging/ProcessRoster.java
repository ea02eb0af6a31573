package com.lightpress.platform.messaging;

import com.lightpress.platform.DedicatedConnections;
import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.modules.ModuleActivation;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Lightpress processes running on this database, with their schema and modules, in
 * {@code lightpress_shared.processes}. A row counts only while its process lives: each process
 * holds a PostgreSQL advisory lock on a connection of its own, which the database releases the
 * moment the process dies, however it dies. Whether anyone still runs a module in a schema, or
 * still sends to a module's queue, is therefore a question the database answers exactly, which
 * is what handing work over between processes needs.
 */
class ProcessRoster implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessRoster.class);

    /** First key of the liveness locks; the second is the row's lock_key. */
    static final int LIVENESS = 1819307120;

    /** First key of the transaction lock that registering and taking over from a schema share. */
    static final int SCHEMA_CHANGES = 1819307121;

    private static final String ALIVE = "EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory'"
            + " AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND l.classid = " + LIVENESS + "::oid AND l.objid = p.lock_key::oid AND l.objsubid = 2)";

    private static final String PROCESSES = PlatformSettings.SHARED_SCHEMA + ".processes";

    private final SecureRandom random = new SecureRandom();
    private final UUID instance = UUID.randomUUID();
    private final JdbcConnectionDetails database;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PlatformSettings settings;
    private final ModuleActivation activation;
    private final EventRouting routing;
    private final Clock clock;
    private @Nullable Connection lockConnection;

    /** A running process: its schema and the modules it runs. */
    record Member(String schema, List<String> modules) {}

    ProcessRoster(
            JdbcConnectionDetails database,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            PlatformSettings settings,
            ModuleActivation activation,
            EventRouting routing,
            Clock clock) {
        this.database = database;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.activation = activation;
        this.routing = routing;
        this.clock = clock;
    }

    /** Joins the roster, and notes the queues this process will send to. */
    @Override
    public void afterPropertiesSet() throws SQLException {
        register();
        var queues = routing.remoteModulesListeningToLocalEvents().stream()
                .map(settings.sqs()::queueOf)
                .toList();
        queues.forEach(queue -> jdbc.update(
                "INSERT INTO " + PlatformSettings.SHARED_SCHEMA + ".queues_in_use (queue, since) VALUES (?, ?)"
                        + " ON CONFLICT DO NOTHING",
                queue,
                Timestamp.from(clock.instant())));
        LOG.info("Process {} of schema {} runs {} and sends to {}", instance, settings.schema(), activation, queues);
    }

    /** The processes alive right now. */
    List<Member> live() {
        return jdbc.query(
                "SELECT process_schema, local_modules FROM " + PROCESSES + " p WHERE " + ALIVE,
                (row, index) -> new Member(
                        row.getString("process_schema"),
                        List.of(row.getString("local_modules").split(","))));
    }

    /** Takes the lock that a schema's registrations and the taking over of its work share. */
    void lockSchema(String schema) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(" + SCHEMA_CHANGES + ", hashtext(?))", schema);
    }

    /**
     * Makes sure this process still counts as alive: after its lock connection broke, it joins
     * again. Dead processes' rows are removed on the way.
     */
    synchronized void keepAlive() throws SQLException {
        var connection = lockConnection;
        if (connection == null || !connection.isValid(2)) {
            LOG.warn("Lost the roster's database connection; joining again");
            DedicatedConnections.closeQuietly(connection);
            register();
        }
        jdbc.update("DELETE FROM " + PROCESSES + " p WHERE NOT " + ALIVE);
    }

    @Override
    public synchronized void destroy() {
        jdbc.update("DELETE FROM " + PROCESSES + " WHERE instance_id = ?", instance);
        DedicatedConnections.closeQuietly(lockConnection);
        lockConnection = null;
    }

    private synchronized void register() throws SQLException {
        var connection = connect();
        var key = lockOnce(connection);
        lockConnection = connection;
        transactions.executeWithoutResult(status -> {
            lockSchema(settings.schema());
            jdbc.update(
                    "INSERT INTO " + PROCESSES + " (instance_id, process_schema,"
                            + " local_modules, lock_key, started_at) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (instance_id) DO UPDATE SET lock_key = excluded.lock_key",
                    instance,
                    settings.schema(),
                    String.join(",", activation.local()),
                    key,
                    Timestamp.from(clock.instant()));
        });
    }

    private int lockOnce(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(" + LIVENESS + ", ?)")) {
            while (true) {
                var key = random.nextInt(Integer.MAX_VALUE - 1) + 1;
                statement.setInt(1, key);
                try (var result = statement.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        return key;
                    }
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        return DedicatedConnections.open(database, "lightpress-roster");
    }
}
