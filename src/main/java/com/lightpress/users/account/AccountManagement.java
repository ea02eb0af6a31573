package com.lightpress.users.account;

import com.lightpress.platform.PageCursor;
import com.lightpress.users.AccountClosed;
import com.lightpress.users.Role;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import com.lightpress.users.UserProfile;
import com.lightpress.users.config.UsersSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers, changes and closes accounts, and answers questions about them. */
@Service
public class AccountManagement implements UserAccounts {

    /** How recent a login must be to close an account. */
    public static final Duration RECENT_LOGIN = Duration.ofMinutes(5);

    private static final int MAX_PAGE = 100;
    private static final UUID FIRST_ID = new UUID(0, 0);

    private final AccountRepository accounts;
    private final AccountCache cache;
    private final UsersSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountManagement(
            AccountRepository accounts,
            AccountCache cache,
            UsersSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.cache = cache;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void register(UserId id, String email, String displayName) {
        if (accounts.existsById(id)) {
            return;
        }
        accounts.save(Account.register(id, email, displayName, clock.instant()));
    }

    /**
     * A bootstrap address becomes ADMIN only once its owner proved it, and only while nobody is
     * ADMIN: a stranger who signs up with the address of an admin who left cannot confirm it, and
     * once an admin exists, further admins are made by an admin.
     */
    @Override
    @Transactional
    public void confirmEmail(UserId id) {
        accounts.findForUpdateById(id).ifPresent(account -> {
            if (!account.confirmEmail(clock.instant())) {
                return;
            }
            if (settings.isBootstrapAdmin(account.email())) {
                accounts.lockBootstrap();
                if (accounts.countAdmins() == 0) {
                    account.changeRoles(EnumSet.of(Role.ADMIN), clock.instant());
                }
            }
            accounts.save(account);
        });
    }

    @Override
    public Optional<UserProfile> findProfile(UserId id) {
        return accounts.read(id).map(Account::toProfile);
    }

    public AccountView view(UserId id) {
        return find(id).toView();
    }

    /** The account and its version in one read, for answers with an ETag. */
    public VersionedAccount current(UserId id) {
        return VersionedAccount.of(find(id));
    }

    /**
     * {@link #current}, from this instance's cache: after a change made on another instance it may
     * answer the previous version for the moment the change's announcement takes to arrive (see
     * {@link AccountCache}). For answers only, never before a change.
     */
    public VersionedAccount recent(UserId id) {
        return cache.get(id, () -> accounts.read(id).map(VersionedAccount::of)).orElseThrow(AccountNotFound::new);
    }

    @Transactional
    public VersionedAccount updateProfile(UserId id, long expectedVersion, ProfileChanges changes) {
        var checked = changes.checked();
        var account = find(id);
        if (account.version() != expectedVersion) {
            throw new StaleAccountVersion();
        }
        account.update(checked, clock.instant());
        try {
            return VersionedAccount.of(accounts.save(account));
        } catch (OptimisticLockingFailureException e) {
            throw new StaleAccountVersion();
        }
    }

    @Transactional
    public AccountView changeRoles(UserId actor, UserId target, Set<Role> roles) {
        var account = find(target);
        if (actor.equals(target) && account.isAdmin() && !roles.contains(Role.ADMIN) && accounts.countAdmins() <= 1) {
            throw new LastAdminCannotStepDown();
        }
        account.changeRoles(roles, clock.instant());
        return accounts.save(account).toView();
    }

    @Transactional
    public AccountView disable(UserId actor, UserId target) {
        if (actor.equals(target)) {
            throw new AdminCannotDisableSelf();
        }
        var account = find(target);
        account.disable(clock.instant());
        return accounts.save(account).toView();
    }

    @Transactional
    public AccountView enable(UserId target) {
        var account = find(target);
        account.enable(clock.instant());
        return accounts.save(account).toView();
    }

    /**
     * Erases the account and tells every module to erase its part. Needs a login within
     * {@link #RECENT_LOGIN}: the caller passes when the user last entered their password.
     */
    @Transactional
    public void close(UserId id, @Nullable Instant authTime) {
        if (authTime == null || authTime.plus(RECENT_LOGIN).isBefore(clock.instant())) {
            throw new RecentLoginRequired();
        }
        var account = find(id);
        accounts.delete(account);
        events.publishEvent(AccountClosed.of(id));
    }

    @Transactional(readOnly = true)
    public AccountPage search(@Nullable String query, @Nullable String cursor, int limit) {
        var after = cursor == null || cursor.isBlank() ? null : PageCursor.parse(cursor, 2);
        var size = Math.max(1, Math.min(limit, MAX_PAGE));
        var ids = accounts.search(
                prefix(query), after == null ? "" : after.text(0), after == null ? FIRST_ID : after.uuid(1), size + 1);
        var page = ids.stream()
                .limit(size)
                .map(id -> find(new UserId(id)).toView())
                .toList();
        var last = page.isEmpty() ? null : page.get(page.size() - 1);
        var next = ids.size() > size && last != null ? PageCursor.of(last.email(), last.id()) : null;
        return new AccountPage(page, next);
    }

    private Account find(UserId id) {
        return accounts.read(id).orElseThrow(AccountNotFound::new);
    }

    private static String prefix(@Nullable String query) {
        var text = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
