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
 * request can no longer write into a session whose id another request changed meanwhile.
 *
 * <p>Spring Session writes a session's id (with its times, principal and changed attributes) on
 * every save. A request that read the session before a login changed its id (session fixation
 * protection) and ends after it would give the session its old id back: the browser's new cookie
 * would find no session, and whoever holds the old id would hold the login. Two requests of one
 * session at once are normal (the login page asks for a passkey challenge while the form is sent;
 * two tabs). So a save first locks the session's row: a request that changed the id renames the
 * row, whatever it is called now (of two logins sent at once, the last one saved keeps the
 * session), and saves; any other request saves only while the row still has the id it read, and
 * otherwise writes nothing at all, so a request made with an id that has since been given up
 * changes nothing in the logged-in session.
 */
final class LoginSessionStore implements SessionRepository<Session> {

    private static final String LOCK =
            "SELECT session_id FROM " + LoginSessions.TABLE + " WHERE primary_id = ? FOR UPDATE";

    private static final String PRIMARY_ID = "SELECT primary_id FROM " + LoginSessions.TABLE + " WHERE session_id = ?";

    private static final String RENAME = "UPDATE " + LoginSessions.TABLE + " SET session_id = ? WHERE primary_id = ?";

    private final JdbcIndexedSessionRepository sessions;
    private final JdbcTemplate jdbc;
    private final TransactionOperations transactions;

    /** The transactions must join a running one, as Spring Session's own do here: one connection per request. */
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
            if (stored.primaryId == null) {
                saveIn(sessions, stored.session);
                stored.primaryId = jdbc.queryForObject(PRIMARY_ID, String.class, stored.getId());
            } else {
                var current = jdbc.queryForList(LOCK, String.class, stored.primaryId);
                var renamed = !stored.getId().equals(stored.readAs);
                if (current.isEmpty() || (!renamed && !current.get(0).equals(stored.readAs))) {
                    return; // ended meanwhile, or renamed by a login since this request read it
                }
                if (renamed) {
                    jdbc.update(RENAME, stored.getId(), stored.primaryId);
                }
                saveIn(sessions, stored.session);
            }
            stored.readAs = stored.getId();
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

    /** A session as one request read (or created) it, with its row's key and the id it had then. */
    private static final class StoredSession implements Session {

        private final Session session;
        private @Nullable String primaryId;
        private String readAs;

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
