package com.lightpress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * A listener moved to another package has another listener id, so the shared changelog moves the
 * publications still waiting for it, and its dead letters, in every process schema: nothing a
 * process of an earlier release left behind is orphaned by the moves of listeners of other
 * modules' events into the reactions packages.
 */
class MovedListenersTests {

    static final List<String> SCHEMAS = List.of("lightpress_before", "lightpress_billing_before");
    static final String OTHER =
            "com.lightpress.notifications.reactions.AuthReactions.on(com.lightpress.auth.UserSignedUp)";

    Deployment deployment = new Deployment();

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void publicationsAndDeadLettersFollowTheirMovedListenersInEverySchema() throws IOException {
        assertMoves(
                "account-closed-listeners-in-reactions",
                Map.of(
                        "com.lightpress.billing.privacy.AccountClosure.on(com.lightpress.users.AccountClosed)",
                        "com.lightpress.billing.reactions.AccountClosure.on(com.lightpress.users.AccountClosed)",
                        "com.lightpress.notifications.account.AccountReactions.on(com.lightpress.users.AccountClosed)",
                        "com.lightpress.notifications.reactions.AccountReactions.on("
                                + "com.lightpress.users.AccountClosed)"));
    }

    @Test
    void authsAccountListenersAndTheEndOfStreamsFollowTheirMoveIntoReactions() throws IOException {
        var moves = new TreeMap<String, String>();
        for (var event : List.of("AccountClosed", "AccountDisabled", "AccountEnabled")) {
            moves.put(
                    "com.lightpress.auth.credentials.AccountLifecycle.on(com.lightpress.users.%s)".formatted(event),
                    "com.lightpress.auth.reactions.AccountLifecycle.on(com.lightpress.users.%s)".formatted(event));
        }
        for (var event : List.of("LoginsEnded", "RefreshTokenReused")) {
            moves.put(
                    "com.lightpress.notifications.stream.SessionEnds.on(com.lightpress.auth.%s)".formatted(event),
                    "com.lightpress.notifications.reactions.SessionEnds.on(com.lightpress.auth.%s)".formatted(event));
        }
        assertMoves("other-modules-listeners-in-reactions", moves);
    }

    /** Fills two process schemas with the old ids and one unmoved id, runs the changeset, expects the new ids. */
    private void assertMoves(String changeset, Map<String, String> moves) throws IOException {
        var database = deployment.database();
        for (var schema : SCHEMAS) {
            database.execute("CREATE SCHEMA " + schema);
            database.execute("CREATE TABLE " + schema + ".event_publication (listener_id TEXT NOT NULL)");
            database.execute("CREATE TABLE " + schema + ".dead_letters (listener_id TEXT NOT NULL)");
            for (var table : List.of("event_publication", "dead_letters")) {
                for (var listener : moves.keySet()) {
                    database.update("INSERT INTO " + schema + "." + table + " VALUES (?)", listener);
                }
                database.update("INSERT INTO " + schema + "." + table + " VALUES (?)", OTHER);
            }
        }

        database.execute(changesetSql(changeset));

        var expected = new ArrayList<>(moves.values());
        expected.add(OTHER);
        for (var schema : SCHEMAS) {
            for (var table : List.of("event_publication", "dead_letters")) {
                assertThat(database.queryForList("SELECT listener_id FROM " + schema + "." + table, String.class))
                        .as("%s.%s", schema, table)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String changesetSql(String id) throws IOException {
        try (var in = new ClassPathResource("db/changelog/shared/changelog.yaml").getInputStream()) {
            Map<String, Object> changelog = new Yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (var entry : (List<Map<String, Object>>) changelog.get("databaseChangeLog")) {
                var changeSet = (Map<String, Object>) entry.get("changeSet");
                if (id.equals(changeSet.get("id"))) {
                    var change = ((List<Map<String, Map<String, Object>>>) changeSet.get("changes")).get(0);
                    return (String) change.get("sql").get("sql");
                }
            }
        }
        throw new IllegalStateException("No changeset " + id);
    }
}
