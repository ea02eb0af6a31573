package com.lightpress.platform;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The user behind a request's access token; a controller method receives it as a parameter.
 *
 * @param id the token's subject
 * @param roles the roles the token carries (USER, ADMIN)
 * @param authTime when the user last entered their password, if the token says
 * @param expiresAt when the access token ends; what the request opened (a stream) ends with it
 */
public record AuthenticatedUser(
        UUID id,
        Set<String> roles,
        @Nullable Instant authTime,
        @Nullable Instant expiresAt) {

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }
}
