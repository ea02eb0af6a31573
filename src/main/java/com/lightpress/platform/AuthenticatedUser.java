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

    /** The access-token claim that carries a user's roles. */
    public static final String ROLES_CLAIM = "roles";

    /**
     * The access-token claim saying the user must have proved a second factor (RFC 8176 {@code amr}
     * {@code otp}, {@code hwk} or {@code swk}) for the endpoints listed in {@link StepUpPaths}: the
     * account has one, or it is an ADMIN where a second factor is mandatory for them.
     */
    public static final String SECOND_FACTOR_REQUIRED_CLAIM = "second_factor_required";

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }
}
