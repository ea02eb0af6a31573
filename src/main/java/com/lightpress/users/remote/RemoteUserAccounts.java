package com.lightpress.users.remote;

import com.lightpress.platform.InternalApi;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import com.lightpress.users.UserProfile;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The users API when users runs in another process: the same calls over users' internal HTTP
 * endpoints. Registration is idempotent by user id there, so a retried call does no harm.
 */
@Component
class RemoteUserAccounts implements UserAccounts {

    private static final String USERS = "users";

    private final InternalApi api;

    RemoteUserAccounts(InternalApi api) {
        this.api = api;
    }

    @Override
    public void register(UserId id, String email, String displayName) {
        api.post(USERS, "/internal/users", new Registration(id.value(), email, displayName));
    }

    @Override
    public void confirmEmail(UserId id) {
        api.post(USERS, "/internal/users/" + id.value() + "/email-confirmation", Map.of());
    }

    @Override
    public Optional<UserProfile> findProfile(UserId id) {
        return api.get(USERS, "/internal/users/{id}", UserProfile.class, id.value());
    }

    /** The body of a registration, as users' internal endpoint reads it. */
    record Registration(UUID id, String email, String displayName) {}
}
