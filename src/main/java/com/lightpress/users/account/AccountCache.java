package com.lightpress.users.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.lightpress.platform.ChannelListener;
import com.lightpress.users.UserId;
import com.lightpress.users.config.UsersSettings;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.data.relational.core.mapping.event.AfterDeleteCallback;
import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The accounts this instance read for {@code GET /api/users/me}, so the most frequent
 * authenticated read needs no database round trip. Every change to an account or its roles,
 * whichever instance or statement makes it, announces the account's id on {@link #CHANNEL} when it
 * commits (a trigger, see the users changelog); every instance listens and forgets that account.
 * The instance that made a change also forgets it right after its own commit, so a client reads
 * its change from the instance it made it on at once, and from others once the announcement
 * arrives. While the listening connection is down the cache is neither read nor filled, and it
 * starts empty when listening resumes. Reads before a change, and everything other modules read,
 * go to the database.
 */
@Component
class AccountCache extends ChannelListener implements AfterSaveCallback<Account>, AfterDeleteCallback<Account> {

    static final String CHANNEL = "lightpress_accounts";

    private final Cache<UserId, VersionedAccount> accounts;
    /** Counts forgetting, so a read that raced a change does not keep what it read. */
    private final AtomicLong forgotten = new AtomicLong();

    private volatile boolean listening;

    AccountCache(JdbcConnectionDetails database, UsersSettings settings) {
        super(database, "lightpress-accounts-listener", List.of(CHANNEL));
        this.accounts = Caffeine.newBuilder()
                .maximumSize(settings.accountCache().size())
                .expireAfterWrite(settings.accountCache().ttl())
                // evicts on the caller's thread rather than on the common pool
                .executor(Runnable::run)
                .build();
    }

    /** The account from the cache, or read and then kept unless it changed meanwhile. */
    Optional<VersionedAccount> get(UserId id, Supplier<Optional<VersionedAccount>> read) {
        if (!listening) {
            return read.get();
        }
        var kept = accounts.getIfPresent(id);
        if (kept != null) {
            return Optional.of(kept);
        }
        var before = forgotten.get();
        var account = read.get();
        // kept only if nothing was forgotten since the read began: what was read may predate a
        // change whose announcement came in between (forgetting counts, then removes, so a
        // forgetting that counts after this check removes what it keeps)
        account.ifPresent(it ->
                accounts.asMap().compute(id, (key, current) -> forgotten.get() == before && listening ? it : current));
        return account;
    }

    @Override
    public Account onAfterSave(Account account) {
        forgetOnCommit(account.id());
        return account;
    }

    @Override
    public Account onAfterDelete(Account account) {
        forgetOnCommit(account.id());
        return account;
    }

    private void forgetOnCommit(UserId id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            forget(id);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                forget(id);
            }
        });
    }

    private void forget(UserId id) {
        forgotten.incrementAndGet();
        accounts.invalidate(id);
    }

    private void forgetAll() {
        forgotten.incrementAndGet();
        accounts.invalidateAll();
    }

    @Override
    protected void listening() {
        forgetAll();
        listening = true;
    }

    @Override
    protected void deaf() {
        listening = false;
        forgetAll();
    }

    /** An account's id, or {@code *} when the accounts' tables were emptied. */
    @Override
    protected void received(String channel, String payload) {
        if (payload.equals("*")) {
            forgetAll();
        } else {
            forget(new UserId(UUID.fromString(payload)));
        }
    }
}
