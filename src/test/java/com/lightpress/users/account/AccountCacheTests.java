package com.lightpress.users.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.EmbeddedServersInitializer;
import com.lightpress.users.AccountStatus;
import com.lightpress.users.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * What {@code GET /api/users/me} reads ({@link AccountManagement#recent}) follows every change:
 * its own at once, one made by any other statement as soon as PostgreSQL announces it, also while
 * the listening connection is lost and regained.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@ContextConfiguration(initializers = EmbeddedServersInitializer.class)
// AccountReadsTests' settings: in one test JVM both share one application context
@TestPropertySource(properties = "lightpress.users.bootstrap-admins=reads@lightpress.test")
class AccountCacheTests {

    @Autowired
    AccountManagement accounts;

    @Autowired
    AccountCache cache;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readsItsOwnChangesAtOnce() {
        var id = registered("Own Changes");
        awaitKept(id);
        var first = accounts.recent(id);

        var changed = accounts.updateProfile(id, first.version(), new ProfileChanges("Changed Here", null, null, null));

        var read = accounts.recent(id);
        assertThat(read.version()).isEqualTo(changed.version());
        assertThat(read.view().displayName()).isEqualTo("Changed Here");
        accounts.disable(new UserId(UUID.randomUUID()), id);
        assertThat(accounts.recent(id).view().status()).isEqualTo(AccountStatus.DISABLED);
    }

    @Test
    void keepsWhatItRead() {
        var id = registered("Kept");

        awaitKept(id);
    }

    @Test
    void followsChangesMadeByOtherStatements() {
        var id = registered("Outside");
        awaitKept(id);
        // a payload that is no account id is logged and skipped; listening goes on
        jdbc.queryForList("SELECT pg_notify('lightpress_accounts', 'not an id')");

        jdbc.update(
                "UPDATE users.accounts SET display_name = 'Changed By Hand', version = version + 1 WHERE id = ?",
                id.value());
        awaitName(id, "Changed By Hand");
        awaitKept(id);
        jdbc.update("DELETE FROM users.account_roles WHERE account_id = ? AND role = 'USER'", id.value());

        awaitNoRoles(id);
    }

    /** Other accounts of this test class have roles of their own; they need none after this. */
    @Test
    void followsATableEmptied() {
        var id = registered("Emptied");
        awaitKept(id);

        jdbc.execute("TRUNCATE users.account_roles");

        awaitNoRoles(id);
    }

    /** A read that began before a change and ends after its announcement keeps nothing. */
    @Test
    void aReadOvertakenByAChangeIsNotKept() {
        var id = registered("Overtaken");
        awaitKept(id);
        cache.received(AccountCache.CHANNEL, id.value().toString());
        var before = accounts.current(id);

        var read = cache.get(id, () -> {
            cache.received(AccountCache.CHANNEL, id.value().toString());
            return Optional.of(before);
        });
        var reads = new AtomicInteger();
        cache.get(id, () -> count(reads, before));

        assertThat(read).contains(before);
        assertThat(reads).as("read again from the database").hasValue(1);
    }

    /**
     * Eight threads read one account and change it, half through the application and half by
     * hand, all at once; at the end what is read is the last change.
     */
    @Test
    void manyChangesAndReadsAtOnceEndWithTheLastChange() throws Exception {
        var id = registered("Busy");
        var threads = Executors.newFixedThreadPool(8);
        try {
            var work = new ArrayList<Future<?>>();
            for (int i = 0; i < 200; i++) {
                var name = "Busy " + i;
                work.add(threads.submit(() -> {
                    var read = accounts.recent(id);
                    if (name.hashCode() % 2 == 0) {
                        jdbc.update(
                                "UPDATE users.accounts SET display_name = ?, version = version + 1 WHERE id = ?",
                                name,
                                id.value());
                    } else {
                        try {
                            accounts.updateProfile(id, read.version(), new ProfileChanges(name, null, null, null));
                        } catch (StaleAccountVersion e) {
                            // another thread changed it in between: what optimistic locking is for
                        }
                    }
                    return accounts.recent(id);
                }));
            }
            for (var done : work) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }

        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> accounts.recent(id).equals(accounts.current(id)));
    }

    /**
     * NOTIFY reaches only connected listeners. The listening connection is ended, and the account
     * changed at once, before the listener can notice: the change is read all the same, and the
     * listener connects again.
     */
    @Test
    void aLostListeningConnectionLosesNoChange() {
        var id = registered("Unheard");
        awaitKept(id);

        jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = 'lightpress-accounts-listener' AND datname = current_database()");
        jdbc.update(
                "UPDATE users.accounts SET display_name = 'Changed Unheard', version = version + 1 WHERE id = ?",
                id.value());

        awaitName(id, "Changed Unheard");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                                        + "'lightpress-accounts-listener' AND datname = current_database()",
                                Integer.class)
                        == 1);
        awaitKept(id);
        jdbc.update(
                "UPDATE users.accounts SET display_name = 'Heard Again', version = version + 1 WHERE id = ?",
                id.value());
        awaitName(id, "Heard Again");
    }

    private void awaitNoRoles(UserId id) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> accounts.recent(id).view().roles().isEmpty());
    }

    private void awaitName(UserId id, String name) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> accounts.recent(id).view().displayName().equals(name));
    }

    /** Forgotten, then read twice: the database once, once the listener listens. */
    private void awaitKept(UserId id) {
        var account = accounts.current(id);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var reads = new AtomicInteger();
            cache.received(AccountCache.CHANNEL, id.value().toString());
            cache.get(id, () -> count(reads, account));
            cache.get(id, () -> count(reads, account));
            assertThat(reads).hasValue(1);
        });
    }

    private UserId registered(String name) {
        var id = new UserId(UUID.randomUUID());
        accounts.register(id, id.value() + "@cache.test", name);
        return id;
    }

    private static Optional<VersionedAccount> count(AtomicInteger reads, VersionedAccount account) {
        reads.incrementAndGet();
        return Optional.of(account);
    }
}
