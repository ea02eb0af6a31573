package com.lightpress.platform.events;

import com.lightpress.platform.PlatformSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * This process's event publication table and its dead letters, in the process schema. The
 * registry owns the publications; this class only counts them, moves the hopeless ones out and
 * puts replayed ones back, each in one statement, so two instances doing it at once cannot both
 * succeed.
 */
@Component
class PublicationStore {

    private final JdbcTemplate jdbc;
    private final String publications;
    private final String deadLetters;

    PublicationStore(JdbcTemplate jdbc, PlatformSettings settings) {
        this.jdbc = jdbc;
        this.publications = settings.schema() + ".event_publication";
        this.deadLetters = settings.schema() + ".dead_letters";
    }

    long incompleteOlderThan(Instant before) {
        var count = jdbc.queryForObject(
                "SELECT count(*) FROM " + publications + " WHERE completion_date IS NULL AND publication_date < ?",
                Long.class,
                Timestamp.from(before));
        return count == null ? 0 : count;
    }

    /** Incomplete publications per listener. */
    Map<String, Long> incompleteByListener() {
        var result = new java.util.TreeMap<String, Long>();
        jdbc.query(
                "SELECT listener_id, count(*) FROM " + publications
                        + " WHERE completion_date IS NULL GROUP BY listener_id",
                (ResultSet row) -> {
                    result.put(row.getString(1), row.getLong(2));
                });
        return result;
    }

    long deadLettersWaiting() {
        var count =
                jdbc.queryForObject("SELECT count(*) FROM " + deadLetters + " WHERE replayed_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    /** Moves publications incomplete since before the given time to the dead letters. */
    List<DeadLetter> moveToDeadLetters(Instant publishedBefore, Instant now, BiPredicate<String, String> ours) {
        var ids = jdbc
                .query(
                        "SELECT id, listener_id, event_type FROM " + publications
                                + " WHERE completion_date IS NULL AND publication_date < ?",
                        (row, index) -> ours.test(row.getString(2), row.getString(3)) ? row.getString(1) : null,
                        Timestamp.from(publishedBefore))
                .stream()
                .filter(Objects::nonNull)
                .toArray(String[]::new);
        if (ids.length == 0) {
            return List.of();
        }
        return jdbc.query(
                "WITH dead AS (DELETE FROM " + publications
                        + " WHERE completion_date IS NULL AND id = ANY(?::uuid[])"
                        + " RETURNING id, listener_id, event_type, serialized_event, publication_date,"
                        + " coalesce(completion_attempts, 0) + 1 AS attempts)"
                        + " INSERT INTO " + deadLetters
                        + " (id, listener_id, event_type, serialized_event, published_at, attempts, dead_at)"
                        + " SELECT id, listener_id, event_type, serialized_event, publication_date, attempts, ?"
                        + " FROM dead ON CONFLICT (id) DO UPDATE SET dead_at = excluded.dead_at,"
                        + " replayed_at = NULL, attempts = " + deadLetters + ".attempts + excluded.attempts"
                        + " RETURNING *",
                PublicationStore::deadLetter,
                ids,
                Timestamp.from(now));
    }

    List<DeadLetter> deadLetters(int limit) {
        return jdbc.query(
                "SELECT * FROM " + deadLetters + " ORDER BY dead_at DESC, id LIMIT ?",
                PublicationStore::deadLetter,
                limit);
    }

    Optional<DeadLetter> deadLetter(UUID id) {
        return jdbc.query("SELECT * FROM " + deadLetters + " WHERE id = ?", PublicationStore::deadLetter, id).stream()
                .findFirst();
    }

    /**
     * Puts a dead letter back into the registry as a new incomplete publication with the same id,
     * once: a second replay finds it replayed already and changes nothing.
     *
     * @return whether this call replayed it
     */
    @Transactional
    boolean replay(UUID id, Instant now) {
        var claimed = jdbc.update(
                "UPDATE " + deadLetters + " SET replayed_at = ? WHERE id = ? AND replayed_at IS NULL",
                Timestamp.from(now),
                id);
        if (claimed == 0) {
            return false;
        }
        jdbc.update(
                "INSERT INTO " + publications
                        + " (id, listener_id, event_type, serialized_event, publication_date, status,"
                        + " completion_attempts) SELECT id, listener_id, event_type, serialized_event, ?,"
                        + " 'PUBLISHED', 0 FROM " + deadLetters + " WHERE id = ? ON CONFLICT (id) DO NOTHING",
                Timestamp.from(now),
                id);
        return true;
    }

    private static DeadLetter deadLetter(ResultSet row, int number) throws SQLException {
        return new DeadLetter(
                row.getObject("id", UUID.class),
                row.getString("listener_id"),
                row.getString("event_type"),
                row.getString("serialized_event"),
                row.getTimestamp("published_at").toInstant(),
                row.getInt("attempts"),
                row.getTimestamp("dead_at").toInstant(),
                instant(row.getTimestamp("replayed_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
