package com.lightpress.auth.server;

import com.lightpress.auth.LoginsEnded;
import com.lightpress.auth.credentials.Authorizations;
import com.lightpress.auth.credentials.TrustedDevices;
import com.lightpress.users.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends logins everywhere at once: a login is its authorization (the tokens) and the browser
 * session it was made in, and both are rows in PostgreSQL, so ending them here ends them on every
 * instance. Without the session, the browser could fetch fresh tokens without the password.
 */
@Component
class Logins implements Authorizations {

    private final AuthorizationStore store;
    private final TrustedDevices devices;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    Logins(AuthorizationStore store, TrustedDevices devices, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.store = store;
        this.devices = devices;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Ends every login of the user (a new password, a disabled or closed account, an admin's
     * request): tokens, browser sessions and the trust of their browsers, and announces it.
     */
    @Override
    @Transactional
    public void revokeAll(UserId user) {
        store.revokeAll(user);
        jdbc.update("DELETE FROM " + LoginSessions.TABLE + " WHERE principal_name = ?", user.toString());
        devices.forgetAll(user);
        events.publishEvent(LoginsEnded.of(user));
    }

    /**
     * Ends one login (its refresh token was replayed, or the user logged out): its tokens, and the
     * browser session it was made in.
     */
    void end(OAuth2Authorization authorization) {
        store.remove(authorization);
        endSessionOf(authorization);
    }

    /** Ends the browser session the login was made in, so it cannot bring fresh tokens silently. */
    void endSessionOf(OAuth2Authorization authorization) {
        var mark = AuthorizationStore.browserLoginOf(authorization);
        if (mark != null) {
            jdbc.update(
                    "DELETE FROM " + LoginSessions.TABLE + " WHERE principal_name = ? AND primary_id IN"
                            + " (SELECT session_primary_id FROM " + LoginSessions.TABLE + "_attributes"
                            + " WHERE attribute_name = ?)",
                    authorization.getPrincipalName(),
                    CurrentRequestSessions.markAttribute(mark));
        }
    }

    /** The {@code sid} of a browser login in its ID tokens: SHA-256 of its mark, base64url. */
    static String sidOf(String mark) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(mark.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
