package com.lightpress.platform.persistence;

import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.modules.ModuleActivation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one history of the module changelogs, in the shared schema. Releases before it recorded a
 * module's changesets in the history of whichever process schema applied them, so a module could
 * not move: its new process found its tables but no record of them. This copies every module
 * changeset recorded in any process schema into the shared history, unless it is there already.
 * Being idempotent, it runs at every start; the copies stay where they were, so an older release
 * still finds its own history.
 */
final class SharedHistory {

    private static final Logger LOG = LoggerFactory.getLogger(SharedHistory.class);

    static final String TABLE = PlatformSettings.SHARED_SCHEMA + ".databasechangelog";

    private static final String COLUMNS = "id, author, filename, dateexecuted, orderexecuted, exectype, md5sum,"
            + " description, comments, tag, liquibase, contexts, labels, deployment_id";

    private final JdbcTemplate jdbc;

    SharedHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void takeOverProcessHistories() {
        var sources = jdbc.queryForList(
                "SELECT table_schema FROM information_schema.tables WHERE table_name = 'databasechangelog'"
                        + " AND table_schema <> ? ORDER BY table_schema",
                String.class,
                PlatformSettings.SHARED_SCHEMA);
        if (sources.isEmpty()) {
            return;
        }
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (LIKE " + sources.get(0) + ".databasechangelog)");
        sources.forEach(this::takeOver);
    }

    private void takeOver(String schema) {
        var copied = jdbc.update(
                "INSERT INTO " + TABLE + " (" + COLUMNS + ") SELECT " + COLUMNS + " FROM " + schema
                        + ".databasechangelog source WHERE source.filename ~ ? AND NOT EXISTS (SELECT 1 FROM " + TABLE
                        + " shared WHERE shared.id = source.id AND shared.author = source.author"
                        + " AND shared.filename = source.filename) ORDER BY source.orderexecuted",
                moduleChangelogPattern());
        if (copied > 0) {
            LOG.info("Took over the history of {} module changesets from schema {}", copied, schema);
        }
    }

    /** The changelog files of the business modules, as Liquibase records them. */
    static String moduleChangelogPattern() {
        return "db/changelog/(" + String.join("|", ModuleActivation.MODULES) + ")/";
    }
}
