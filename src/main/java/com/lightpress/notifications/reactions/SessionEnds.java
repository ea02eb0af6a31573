package com.lightpress.notifications.reactions;

import com.lightpress.auth.LoginsEnded;
import com.lightpress.auth.RefreshTokenReused;
import com.lightpress.notifications.inbox.Inbox;
import com.lightpress.users.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a user's logins end (a new password, a disabled or closed account, an admin's request, a
 * stolen refresh token), their open streams end on every instance: the announcement goes through
 * PostgreSQL to each process's listening connection, like new notifications do.
 */
@Component
class SessionEnds {

    private final JdbcTemplate jdbc;

    SessionEnds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(LoginsEnded event) {
        announce(event.userId());
    }

    @ApplicationModuleListener
    void on(RefreshTokenReused event) {
        announce(event.userId());
    }

    private void announce(UserId user) {
        jdbc.query("SELECT pg_notify(?, ?)", row -> {}, Inbox.SESSIONS_ENDED, user.toString());
    }
}
