package com.lightpress.users.config;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the users module.
 *
 * @param bootstrapAdmins emails whose accounts become ADMIN when they register, so a fresh
 *     installation has someone to manage it
 */
@ConfigurationProperties("lightpress.users")
public record UsersSettings(@DefaultValue List<String> bootstrapAdmins) {

    /**
     * Compares exactly, after lower-casing the configured address the way sign-up lower-cases
     * emails: a case-insensitive comparison would also match look-alike letters (a dotless i).
     */
    public boolean isBootstrapAdmin(String email) {
        return bootstrapAdmins.stream()
                .anyMatch(admin -> admin.trim().toLowerCase(Locale.ROOT).equals(email));
    }
}
