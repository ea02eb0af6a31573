package com.lightpress.users.account;

import java.util.List;
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

    boolean isBootstrapAdmin(String email) {
        return bootstrapAdmins.stream().anyMatch(admin -> admin.trim().equalsIgnoreCase(email));
    }
}
