package com.lightpress.users.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the users module.
 *
 * @param bootstrapAdmins emails whose accounts become ADMIN when they register, so a fresh
 *     installation has someone to manage it
 * @param accountCache the accounts an instance keeps for {@code GET /api/users/me}
 */
@ConfigurationProperties("lightpress.users")
public record UsersSettings(
        @DefaultValue List<String> bootstrapAdmins,
        @DefaultValue AccountCache accountCache) {

    /**
     * Every change of an account empties its entry on every instance when PostgreSQL announces the
     * change's commit; the time to live bounds how long an entry can outlast an announcement that
     * got lost on the way without the listening connection noticing.
     *
     * @param ttl how long an instance keeps an account it read
     * @param size how many accounts an instance keeps at most (0: none)
     */
    public record AccountCache(
            @DefaultValue("60s") Duration ttl,
            @DefaultValue("10000") int size) {}

    /**
     * Compares exactly, after lower-casing the configured address the way sign-up lower-cases
     * emails: a case-insensitive comparison would also match look-alike letters (a dotless i).
     */
    public boolean isBootstrapAdmin(String email) {
        return bootstrapAdmins.stream()
                .anyMatch(admin -> admin.trim().toLowerCase(Locale.ROOT).equals(email));
    }
}
