package com.lightpress.users.account;

import com.lightpress.users.AccountStatus;
import com.lightpress.users.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An account as its owner and admins see it. */
public record AccountView(
        UUID id,
        @Schema(example = "ada@example.com") String email,
        @Schema(example = "Ada Lovelace") String displayName,

        @Schema(example = "https://images.example.com/ada.png") @Nullable
        String avatarUrl,

        @Schema(example = "en-GB") String locale,
        @Schema(example = "Europe/London") String timeZone,
        AccountStatus status,
        Set<Role> roles,
        Instant createdAt,
        Instant updatedAt) {}
