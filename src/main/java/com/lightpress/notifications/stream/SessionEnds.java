package com.lightpress.notifications.stream;

import com.lightpress.auth.PasswordChanged;
import com.lightpress.auth.RefreshTokenReused;
import com.lightpress.notifications.inbox.Inbox;
import com.lightpress.users.AccountClosed;
import com.lightpress.users.AccountDisabled;
import com.lightpress.users.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a user's sessions are revoked (new password, a stolen refresh token, a disabled or closed
 * account), their open streams end on every instance: the announcement goes through PostgreSQL to
 * each process's listening connection, like new notifications do.
 */
@Component
class SessionEnds {

    private final JdbcTemplate jdbc;

    SessionEnds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(PasswordChanged event) {
        announce(event.userId());
    }

    @ApplicationModuleListener
    void on(RefreshTokenReused event) {
        announce(event.userId());
    }

    @ApplicationModuleListener
    void on(AccountDisabled event) {
        announce(event.userId());
    }

    @ApplicationModuleListener
    void on(AccountClosed event) {
        announce(event.userId());
    }

    private void announce(UserId user) {
        jdbc.query("SELECT pg_notify(?, ?)", row -> {}, Inbox.SESSIONS_ENDED, user.toString());
    }
}
