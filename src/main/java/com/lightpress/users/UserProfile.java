package com.lightpress.users;

import java.util.Set;

/**
 * What other modules may read about a user.
 *
 * @param emailConfirmed whether the owner proved they read mail at the address; until then the
 *     display name is text a stranger may have typed, and is not put into mail to that address
 */
public record UserProfile(
        UserId id,
        String email,
        String displayName,
        boolean emailConfirmed,
        String locale,
        String timeZone,
        AccountStatus status,
        Set<Role> roles) {

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }
}
