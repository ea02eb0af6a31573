package com.lightpress.users;

import java.util.Optional;

/**
 * The users module's API for other modules: the one synchronous write (registration during
 * sign-up) and reads of profiles. When users runs in another process an HTTP adapter serves it.
 */
public interface UserAccounts {

    /**
     * Creates the account auth has just signed up. Idempotent for the same id, so a retry after
     * a lost answer does no harm.
     */
    void register(UserId id, String email, String displayName);

    /**
     * Records that the owner proved they read mail at the account's address. An address listed as
     * a bootstrap admin becomes ADMIN here, and only while no account is ADMIN. Idempotent.
     */
    void confirmEmail(UserId id);

    Optional<UserProfile> findProfile(UserId id);
}
