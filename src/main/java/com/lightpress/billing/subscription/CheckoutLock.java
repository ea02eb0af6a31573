package com.lightpress.billing.subscription;

import com.lightpress.users.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A transaction-scoped PostgreSQL advisory lock per user, so that a user's checkouts run one
 * after the other on every instance: the second sees the session the first opened.
 */
@Component
class CheckoutLock {

    /** The first key of the lock ("chkt"), apart from billing's other advisory locks. */
    private static final int LOCK_SPACE = 0x63686b74;

    private final JdbcClient jdbc;

    CheckoutLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lock(UserId user) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:space, hashtext(:user))) AS locked")
                .param("space", LOCK_SPACE)
                .param("user", user.toString())
                .query(Integer.class)
                .single();
    }
}
