package com.lightpress.users.account;

import com.lightpress.users.AccountStatus;
import com.lightpress.users.Role;
import com.lightpress.users.UserId;
import com.lightpress.users.UserProfile;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A user's account as the product sees it: profile, settings, roles and status. */
@Table(schema = "users", name = "accounts")
class Account {

    @Id
    private final UserId id;

    private final String email;
    private String displayName;
    private @Nullable String avatarUrl;
    private String locale;
    private String timeZone;
    private AccountStatus status;

    @MappedCollection(idColumn = "account_id")
    private Set<RoleGrant> roles;

    private final Instant createdAt;
    private Instant updatedAt;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Account(
            UserId id,
            String email,
            String displayName,
            @Nullable String avatarUrl,
            String locale,
            String timeZone,
            AccountStatus status,
            Set<RoleGrant> roles,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Long version) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.avatarUrl = avatarUrl;
        this.locale = locale;
        this.timeZone = timeZone;
        this.status = status;
        this.roles = roles;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    static Account register(UserId id, String email, String displayName, Set<Role> roles, Instant now) {
        var grants = roles.stream().map(RoleGrant::new).collect(Collectors.toSet());
        return new Account(id, email, displayName, null, "en", "UTC", AccountStatus.ACTIVE, grants, now, now, null);
    }

    UserId id() {
        return id;
    }

    UserProfile toProfile() {
        var granted = roles.stream().map(RoleGrant::role).collect(Collectors.toSet());
        return new UserProfile(id, email, displayName, locale, timeZone, status, granted);
    }
}
