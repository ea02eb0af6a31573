package com.lightpress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Deployment;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The module changelogs have one history, in the shared schema, whichever process applies them:
 * a database whose history an earlier release kept in process schemas is taken over at start,
 * also when processes start at the same time. (That a database the monolith ran on can be split
 * and folded back is shown by ExtractionMigrationTests, which does it.)
 */
class SharedSchemaHistoryTests {

    private static final String MODULE_CHANGESETS = "filename ~ 'db/changelog/(users|auth|billing|notifications)/'";

    Deployment deployment = new Deployment();

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void takesOverTheHistoriesAnEarlierReleaseKeptInProcessSchemasWhenProcessesStartTogether() {
        var database = deployment.database();
        applyAsTheEarlierRelease(database, "lightpress", "users or auth or billing");
        applyAsTheEarlierRelease(database, "lightpress_notifications", "notifications");
        var before = database.queryForList("SELECT id, md5sum, dateexecuted FROM lightpress.databasechangelog WHERE "
                + MODULE_CHANGESETS + " UNION ALL SELECT id, md5sum, dateexecuted FROM"
                + " lightpress_notifications.databasechangelog WHERE " + MODULE_CHANGESETS);
        deployment
                .with("main", "lightpress", "users", "auth")
                .with("billing", "lightpress_billing", "billing")
                .with("notifications", "lightpress_notifications", "notifications");

        CompletableFuture.allOf(
                        CompletableFuture.runAsync(() -> deployment.start("main")),
                        CompletableFuture.runAsync(() -> deployment.start("billing")),
                        CompletableFuture.runAsync(() -> deployment.start("notifications")))
                .join();

        var shared = database.queryForList(
                "SELECT id, md5sum, dateexecuted FROM lightpress_shared.databasechangelog WHERE " + MODULE_CHANGESETS);
        assertThat(shared).containsExactlyInAnyOrderElementsOf(before);
        assertThat(database.queryForObject("SELECT count(*) FROM notifications.deliveries", Integer.class))
                .isZero();
    }

    /** Applies the process and module changelogs as the earlier release did: history in the process schema. */
    private static void applyAsTheEarlierRelease(JdbcTemplate database, String schema, String modules) {
        database.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        try (var connection = database.getDataSource().getConnection()) {
            var single = new SingleConnectionDataSource(connection, true);
            update(single, "classpath:db/earlier-release/platform.yaml", schema, null);
            update(single, "classpath:db/earlier-release/master.yaml", schema, modules);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(SingleConnectionDataSource dataSource, String changelog, String schema, String labels)
            throws Exception {
        var liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.setChangeLog(changelog);
        liquibase.setDefaultSchema(schema);
        liquibase.setLiquibaseSchema(schema);
        liquibase.setLabelFilter(labels);
        liquibase.setChangeLogParameters(Map.of("processSchema", schema));
        liquibase.afterPropertiesSet();
    }
}
