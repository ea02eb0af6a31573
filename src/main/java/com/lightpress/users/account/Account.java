package com.lightpress.users.account;

import com.lightpress.users.AccountDisabled;
import com.lightpress.users.AccountEnabled;
import com.lightpress.users.AccountRegistered;
import com.lightpress.users.AccountStatus;
import com.lightpress.users.ProfileUpdated;
import com.lightpress.users.Role;
import com.lightpress.users.RoleChanged;
import com.lightpress.users.UserId;
import com.lightpress.users.UserProfile;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A user's account as the product sees it: profile, settings, roles and status. */
@Table(schema = "users", name = "accounts")
class Account extends AbstractAggregateRoot<Account> {

    @Id
    private final UserId id;

    private final String email;
    private boolean emailConfirmed;
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
            boolean emailConfirmed,
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
        this.emailConfirmed = emailConfirmed;
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

    static Account register(UserId id, String email, String displayName, Instant now) {
        var account = new Account(
                id,
                email,
                false,
                displayName,
                null,
                "en",
                "UTC",
                AccountStatus.ACTIVE,
                grants(Set.of(Role.USER)),
                now,
                now,
                null);
        account.registerEvent(AccountRegistered.of(id));
        return account;
    }

    UserId id() {
        return id;
    }

    long version() {
        return version == null ? 0 : version;
    }

    boolean isAdmin() {
        return roles().contains(Role.ADMIN);
    }

    String email() {
        return email;
    }

    /** @return whether this changed anything: the address was not confirmed before */
    boolean confirmEmail(Instant now) {
        if (emailConfirmed) {
            return false;
        }
        emailConfirmed = true;
        updatedAt = now;
        return true;
    }

    /** Applies the changes a user made to their profile; values already checked by the caller. */
    void update(ProfileChanges changes, Instant now) {
        if (changes.displayName() != null) {
            displayName = changes.displayName();
        }
        if (changes.avatarUrl() != null) {
            avatarUrl = changes.avatarUrl().isEmpty() ? null : changes.avatarUrl();
        }
        if (changes.locale() != null) {
            locale = changes.locale();
        }
        if (changes.timeZone() != null) {
            timeZone = changes.timeZone();
        }
        updatedAt = now;
        registerEvent(ProfileUpdated.of(id));
    }

    /** Replaces the roles; every account keeps USER. */
    void changeRoles(Set<Role> newRoles, Instant now) {
        var wanted = EnumSet.of(Role.USER);
        wanted.addAll(newRoles);
        if (wanted.equals(roles())) {
            return;
        }
        roles = grants(wanted);
        updatedAt = now;
        registerEvent(RoleChanged.of(id, Set.copyOf(wanted)));
    }

    void disable(Instant now) {
        if (status != AccountStatus.DISABLED) {
            status = AccountStatus.DISABLED;
            updatedAt = now;
            registerEvent(AccountDisabled.of(id));
        }
    }

    void enable(Instant now) {
        if (status != AccountStatus.ACTIVE) {
            status = AccountStatus.ACTIVE;
            updatedAt = now;
            registerEvent(AccountEnabled.of(id));
        }
    }

    UserProfile toProfile() {
        return new UserProfile(id, email, displayName, emailConfirmed, locale, timeZone, status, roles());
    }

    AccountView toView() {
        return new AccountView(
                id.value(), email, displayName, avatarUrl, locale, timeZone, status, roles(), createdAt, updatedAt);
    }

    private Set<Role> roles() {
        return roles.stream().map(RoleGrant::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static Set<RoleGrant> grants(Set<Role> roles) {
        return roles.stream().map(RoleGrant::new).collect(Collectors.toSet());
    }
}
