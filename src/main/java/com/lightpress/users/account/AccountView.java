package com.lightpress.users.account;

import com.lightpress.users.AccountStatus;
import com.lightpress.users.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An account as its owner and admins see it. */
public record AccountView(
        UUID id,
        String email,
        String displayName,
        @Nullable String avatarUrl,
        String locale,
        String timeZone,
        AccountStatus status,
        Set<Role> roles,
        Instant createdAt,
        Instant updatedAt) {}
