package com.lightpress.auth.credentials;

import com.lightpress.users.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Revokes every authorization of a user (each holds a login's access, refresh and ID tokens), so
 * none of their refresh tokens works any more.
 */
@Component
public class Authorizations {

    private final JdbcTemplate jdbc;

    Authorizations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void revokeAll(UserId user) {
        jdbc.update(
                "DELETE FROM auth.used_refresh_tokens WHERE authorization_id IN"
                        + " (SELECT id FROM auth.oauth2_authorization WHERE principal_name = ?)",
                user.toString());
        jdbc.update("DELETE FROM auth.oauth2_authorization WHERE principal_name = ?", user.toString());
        jdbc.update("DELETE FROM auth.oauth2_authorization_consent WHERE principal_name = ?", user.toString());
    }
}
