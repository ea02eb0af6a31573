package com.lightpress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * A listener moved to another package has another listener id, so the shared changelog moves the
 * publications still waiting for it, and its dead letters, in every process schema: nothing a
 * process of an earlier release left behind is orphaned by the move of AccountClosed's listeners
 * into the reactions packages.
 */
class MovedListenersTests {

    static final String CHANGESET = "account-closed-listeners-in-reactions";
    static final String OLD_BILLING =
            "com.lightpress.billing.privacy.AccountClosure.on(com.lightpress.users.AccountClosed)";
    static final String OLD_NOTIFICATIONS =
            "com.lightpress.notifications.account.AccountReactions.on(com.lightpress.users.AccountClosed)";
    static final String OTHER =
            "com.lightpress.notifications.reactions.AuthReactions.on(com.lightpress.auth.UserSignedUp)";

    Deployment deployment = new Deployment();

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void publicationsAndDeadLettersFollowTheirMovedListenersInEverySchema() throws IOException {
        var database = deployment.database();
        for (var schema : List.of("lightpress_before", "lightpress_billing_before")) {
            database.execute("CREATE SCHEMA " + schema);
            database.execute("CREATE TABLE " + schema + ".event_publication (listener_id TEXT NOT NULL)");
            database.execute("CREATE TABLE " + schema + ".dead_letters (listener_id TEXT NOT NULL)");
            for (var table : List.of("event_publication", "dead_letters")) {
                for (var listener : List.of(OLD_BILLING, OLD_NOTIFICATIONS, OTHER)) {
                    database.update("INSERT INTO " + schema + "." + table + " VALUES (?)", listener);
                }
            }
        }

        database.execute(changesetSql());

        for (var schema : List.of("lightpress_before", "lightpress_billing_before")) {
            for (var table : List.of("event_publication", "dead_letters")) {
                assertThat(database.queryForList(
                                "SELECT listener_id FROM " + schema + "." + table + " ORDER BY listener_id",
                                String.class))
                        .as("%s.%s", schema, table)
                        .containsExactly(
                                "com.lightpress.billing.reactions.AccountClosure.on(com.lightpress.users.AccountClosed)",
                                "com.lightpress.notifications.reactions.AccountReactions.on("
                                        + "com.lightpress.users.AccountClosed)",
                                OTHER);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String changesetSql() throws IOException {
        try (var in = new ClassPathResource("db/changelog/shared/changelog.yaml").getInputStream()) {
            Map<String, Object> changelog = new Yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (var entry : (List<Map<String, Object>>) changelog.get("databaseChangeLog")) {
                var changeSet = (Map<String, Object>) entry.get("changeSet");
                if (CHANGESET.equals(changeSet.get("id"))) {
                    var change = ((List<Map<String, Map<String, Object>>>) changeSet.get("changes")).get(0);
                    return (String) change.get("sql").get("sql");
                }
            }
        }
        throw new IllegalStateException("No changeset " + CHANGESET);
    }
}
