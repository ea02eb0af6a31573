package com.lightpress.users;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;

/**
 * What other modules may read about a user.
 *
 * @param emailConfirmed whether the owner proved they read mail at the address; until then the
 *     display name is text a stranger may have typed, and is not put into mail to that address
 */
public record UserProfile(
        UserId id,
        @Schema(example = "ada@example.com") String email,
        @Schema(example = "Ada Lovelace") String displayName,
        boolean emailConfirmed,
        @Schema(example = "en-GB") String locale,
        @Schema(example = "Europe/London") String timeZone,
        AccountStatus status,
        Set<Role> roles) {

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }
}
