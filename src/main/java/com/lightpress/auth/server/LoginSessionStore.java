package com.lightpress.auth.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The login sessions as the session filter sees them: Spring Session's JDBC store, except that a
 * request can no longer undo another one's change of the session id.
 *
 * <p>Spring Session writes a session's id (with its times and principal) back on every save. A
 * request that read the session before a login changed its id (session fixation protection) and
 * ends after it would write the old id back: the browser's new cookie would find no session, and
 * whoever holds the old id would hold the login. Two requests of one session at once are normal
 * (the login page asks for a passkey challenge while the form is sent; two tabs). So the store's
 * update only touches a row that still has the id the request knows ({@link #UPDATE}); a request
 * that changed the id first renames the row, found by the primary key it was read with.
 */
final class LoginSessionStore implements SessionRepository<Session> {

    /** Spring Session's parameters, in its order; the row must still have the id the request knows. */
    static final String UPDATE = """
            UPDATE %TABLE_NAME% AS s
            SET LAST_ACCESS_TIME = v.last_access_time, MAX_INACTIVE_INTERVAL = v.max_inactive_interval,
                EXPIRY_TIME = v.expiry_time, PRINCIPAL_NAME = v.principal_name
            FROM (VALUES (CAST(? AS CHAR(36)), CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT),
                          CAST(? AS VARCHAR(100)), CAST(? AS CHAR(36))))
              AS v(session_id, last_access_time, max_inactive_interval, expiry_time, principal_name, primary_id)
            WHERE s.PRIMARY_ID = v.primary_id AND s.SESSION_ID = v.session_id
            """;

    private static final String PRIMARY_ID = "SELECT primary_id FROM " + LoginSessions.TABLE + " WHERE session_id = ?";

    private static final String RENAME = "UPDATE " + LoginSessions.TABLE + " SET session_id = ? WHERE primary_id = ?";

    private final JdbcIndexedSessionRepository sessions;
    private final JdbcTemplate jdbc;
    private final TransactionOperations transactions;

    LoginSessionStore(JdbcIndexedSessionRepository sessions, JdbcTemplate jdbc, TransactionOperations transactions) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Session createSession() {
        return new StoredSession(sessions.createSession(), null);
    }

    @Override
    public void save(Session session) {
        var stored = (StoredSession) session;
        transactions.executeWithoutResult(status -> {
            if (stored.primaryId != null && !stored.getId().equals(stored.readAs)) {
                jdbc.update(RENAME, stored.getId(), stored.primaryId);
            }
            saveIn(sessions, stored.session);
        });
    }

    /** The session came from this repository, so it is of the repository's own session type. */
    @SuppressWarnings("unchecked")
    private static <S extends Session> void saveIn(SessionRepository<S> repository, Session session) {
        repository.save((S) session);
    }

    @Override
    public @Nullable Session findById(String id) {
        var primaryIds = jdbc.queryForList(PRIMARY_ID, String.class, id);
        var session = primaryIds.isEmpty() ? null : sessions.findById(id);
        return session == null ? null : new StoredSession(session, primaryIds.get(0));
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteById(id);
    }

    /** A session as read (or created) by one request, with the row's key and the id it had then. */
    private static final class StoredSession implements Session {

        private final Session session;
        private final @Nullable String primaryId;
        private final String readAs;

        StoredSession(Session session, @Nullable String primaryId) {
            this.session = session;
            this.primaryId = primaryId;
            this.readAs = session.getId();
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String name) {
            return session.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, @Nullable Object value) {
            session.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            session.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            session.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
