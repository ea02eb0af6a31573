package com.lightpress.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the event publication registry still holds for an event: its incomplete publications. */
public final class Publications {

    private Publications() {}

    /** Completed publications are deleted, so what is left of an event has not completed. */
    public static int incomplete(JdbcTemplate jdbc, UUID eventId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM lightpress.event_publication"
                        + " WHERE completion_date IS NULL AND serialized_event LIKE ?",
                Integer.class,
                "%" + eventId + "%");
        return count == null ? 0 : count;
    }

    /** Events of the given module still to be sent to another process, in any process schema. */
    public static int unsent(JdbcTemplate database, String module) {
        return unsentOfType(database, "com.lightpress." + module + ".%");
    }

    /** Events of any module still to be sent to another process, in any process schema. */
    public static int unsent(JdbcTemplate database) {
        return unsentOfType(database, "com.lightpress.%");
    }

    private static int unsentOfType(JdbcTemplate database, String eventType) {
        return database
                .queryForList(
                        "SELECT table_schema FROM information_schema.tables WHERE table_name = 'event_publication'",
                        String.class)
                .stream()
                .mapToInt(schema -> database.queryForObject(
                        "SELECT count(*) FROM " + schema + ".event_publication WHERE completion_date IS NULL"
                                + " AND listener_id LIKE 'org.springframework.modulith.events.support.%'"
                                + " AND event_type LIKE ?",
                        Integer.class,
                        eventType))
                .sum();
    }

    /** Waits until every event publication of this process has completed (and was deleted). */
    public static void awaitAllCompleted(JdbcTemplate jdbc) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.queryForObject("SELECT count(*) FROM lightpress.event_publication", Integer.class),
                        count -> count == 0);
    }
}
