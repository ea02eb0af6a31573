package com.lightpress.platform.messaging;

import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.events.LocalListeners;
import com.lightpress.platform.modules.ModuleActivation;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves event publications into this process that another process schema holds for listeners
 * that now run here: when a module is extracted, its listeners' publications left in the
 * monolith's registry; when it is folded back, those left in the extracted process's registry.
 * A publication moves only once no live process of its schema runs the listener's module (the
 * roster knows), and in one statement, so it is neither lost nor run by two processes. An
 * externalizer's publication moves in the same way with the module that published the event,
 * with the modules it must still reach: a process that no longer runs that module does not send
 * its events (see {@link LocalListeners}), and may not be allowed to.
 */
class PublicationHandover {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationHandover.class);

    private static final String COLUMNS = "id, listener_id, event_type, serialized_event, publication_date,"
            + " completion_date, status, completion_attempts, last_resubmission_date";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ProcessRoster roster;
    private final ModuleActivation activation;
    private final LocalListeners listeners;
    private final IncompleteEventPublications publications;
    private final EventTargets targets;
    private final PlatformSettings settings;
    private final Clock clock;

    PublicationHandover(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ProcessRoster roster,
            ModuleActivation activation,
            LocalListeners listeners,
            IncompleteEventPublications publications,
            EventTargets targets,
            PlatformSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.roster = roster;
        this.activation = activation;
        this.listeners = listeners;
        this.publications = publications;
        this.targets = targets;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * At start: frees what a crash of this schema's processes left marked as being resubmitted
     * (only when no other process of this schema lives), takes over what others left, and runs
     * every incomplete publication of this process's listeners.
     */
    void start() {
        var alone = roster.live().stream()
                        .filter(member -> member.schema().equals(settings.schema()))
                        .count()
                <= 1;
        release(
                alone
                        ? clock.instant()
                        : clock.instant().minus(settings.events().resubmitAfter()));
        takeOver();
        publications.resubmitIncompletePublications(listeners::canRun);
    }

    /** Later, on a schedule: frees long-stuck resubmissions and takes over what others left. */
    void continueHandover() {
        release(clock.instant().minus(settings.events().resubmitAfter()));
        var taken = takeOver();
        if (!taken.isEmpty()) {
            publications.resubmitIncompletePublications(publication -> taken.contains(publication.getIdentifier()));
        }
    }

    /**
     * Spring Modulith resubmits only publications not marked as being resubmitted, so one whose
     * process died during a resubmission would stay incomplete forever.
     */
    private void release(Instant markedBefore) {
        jdbc.update(
                "UPDATE " + settings.schema() + ".event_publication SET status = 'FAILED'"
                        + " WHERE completion_date IS NULL AND status = 'RESUBMITTED' AND last_resubmission_date < ?",
                Timestamp.from(markedBefore));
    }

    private Set<UUID> takeOver() {
        var taken = new HashSet<UUID>();
        otherSchemas().forEach(schema -> taken.addAll(transactions.execute(status -> takeOverFrom(schema))));
        targets.mayHoldSome();
        return taken;
    }

    private List<UUID> takeOverFrom(String schema) {
        roster.lockSchema(schema);
        var members = roster.live().stream()
                .filter(member -> member.schema().equals(schema))
                .toList();
        var runThere =
                members.stream().flatMap(member -> member.modules().stream()).toList();
        var modules = activation.local().stream()
                .filter(module -> !runThere.contains(module))
                .toArray(String[]::new);
        var taken = jdbc.queryForList(
                "WITH taken AS (DELETE FROM " + schema + ".event_publication WHERE completion_date IS NULL AND ("
                        + "(listener_id LIKE 'com.lightpress.%' AND split_part(listener_id, '.', 3) = ANY (?))"
                        + " OR (listener_id = ? AND split_part(event_type, '.', 3) = ANY (?)))"
                        + " RETURNING " + COLUMNS + ") INSERT INTO " + settings.schema() + ".event_publication ("
                        + COLUMNS + ") SELECT id, listener_id, event_type, serialized_event, publication_date,"
                        + " completion_date, 'PUBLISHED', completion_attempts, last_resubmission_date FROM taken"
                        + " RETURNING id",
                UUID.class,
                modules,
                externalizerId(),
                modules);
        if (!taken.isEmpty()) {
            takeOverTargets(schema, taken);
            LOG.info("Took over {} event publications from schema {}", taken.size(), schema);
        }
        return taken;
    }

    private void takeOverTargets(String schema, List<UUID> publications) {
        if (!hasTable(schema, "event_targets")) {
            return;
        }
        jdbc.update(
                "WITH taken AS (DELETE FROM " + schema + ".event_targets WHERE event_id IN (SELECT"
                        + " (serialized_event::jsonb ->> 'eventId')::uuid FROM " + settings.schema()
                        + ".event_publication WHERE id = ANY (?)) RETURNING event_id, module, recorded_at)"
                        + " INSERT INTO " + settings.schema() + ".event_targets (event_id, module, recorded_at)"
                        + " SELECT event_id, module, recorded_at FROM taken ON CONFLICT DO NOTHING",
                (Object) publications.toArray(UUID[]::new));
    }

    private List<String> otherSchemas() {
        return jdbc.queryForList(
                "SELECT table_schema FROM information_schema.tables WHERE table_name = 'event_publication'"
                        + " AND table_schema <> ? ORDER BY table_schema",
                String.class,
                settings.schema());
    }

    private boolean hasTable(String schema, String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?)",
                Boolean.class,
                schema,
                table));
    }

    private String externalizerId() {
        return listeners.ids().stream()
                .filter(LocalListeners::isExternalizer)
                .findFirst()
                .orElse("");
    }
}
