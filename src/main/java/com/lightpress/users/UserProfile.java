package com.lightpress.users;

import java.util.Set;

/** What other modules may read about a user. */
public record UserProfile(
        UserId id,
        String email,
        String displayName,
        String locale,
        String timeZone,
        AccountStatus status,
        Set<Role> roles) {

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }
}
