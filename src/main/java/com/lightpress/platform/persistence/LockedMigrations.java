package com.lightpress.platform.persistence;

import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.modules.ModuleActivation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Applies the schema changes of this process in two Liquibase runs on one connection that holds a
 * PostgreSQL advisory lock, so processes that start at the same time take turns instead of racing
 * for the same tables. The module run applies the shared changelog and those of the local modules,
 * with its history in the shared schema: a module's tables exist once per database, so a module
 * moved into another process (or back) finds its changesets applied. The process run creates this
 * process's own schema (event publications, event targets) with its history there. Histories that
 * earlier releases kept in process schemas are taken over first ({@link SharedHistory}).
 */
final class LockedMigrations extends SpringLiquibase {

    static final String MODULES_CHANGELOG = "classpath:db/changelog/master.yaml";
    static final String PROCESS_CHANGELOG = "classpath:db/changelog/platform/changelog.yaml";

    /** The advisory lock every starting process takes (two keys: "lightpress", "migrations"). */
    private static final String LOCK = "1819307120, 1835625828";

    private final DataSource pool;
    private final String processSchema;
    private final List<String> localModules;

    LockedMigrations(DataSource pool, String processSchema, List<String> localModules) {
        this.pool = pool;
        this.processSchema = checkedProcessSchema(processSchema);
        this.localModules = localModules;
        setDataSource(pool);
    }

    @Override
    public void afterPropertiesSet() throws LiquibaseException {
        try (var connection = pool.getConnection()) {
            var single = new SingleConnectionDataSource(connection, true);
            var jdbc = new JdbcTemplate(single);
            jdbc.execute("SELECT pg_advisory_lock(" + LOCK + ")");
            try {
                jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + PlatformSettings.SHARED_SCHEMA);
                jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + processSchema);
                new SharedHistory(jdbc).takeOverProcessHistories();
                run(single, MODULES_CHANGELOG, PlatformSettings.SHARED_SCHEMA, String.join(" or ", localModules));
                run(single, PROCESS_CHANGELOG, processSchema, null);
            } finally {
                release(connection, jdbc);
            }
        } catch (SQLException e) {
            throw new LiquibaseException("Cannot apply the schema changes", e);
        }
    }

    private void run(DataSource connection, String changelog, String historySchema, @Nullable String labels)
            throws LiquibaseException {
        var liquibase = new SpringLiquibase();
        liquibase.setDataSource(connection);
        liquibase.setResourceLoader(getResourceLoader());
        liquibase.setChangeLog(changelog);
        liquibase.setDefaultSchema(historySchema);
        liquibase.setLiquibaseSchema(historySchema);
        liquibase.setLabelFilter(labels);
        liquibase.setChangeLogParameters(Map.of("processSchema", processSchema));
        liquibase.afterPropertiesSet();
    }

    /** Ends whatever Liquibase left open, then gives the lock and the search path back. */
    private static void release(Connection connection, JdbcTemplate jdbc) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        jdbc.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
        jdbc.execute("SET search_path TO DEFAULT");
    }

    private static String checkedProcessSchema(String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("lightpress.platform.schema must be a lower-case SQL identifier");
        }
        if (schema.equals(PlatformSettings.SHARED_SCHEMA) || ModuleActivation.MODULES.contains(schema)) {
            throw new IllegalArgumentException(
                    "lightpress.platform.schema must not be " + schema + ", which holds other state");
        }
        return schema;
    }
}
