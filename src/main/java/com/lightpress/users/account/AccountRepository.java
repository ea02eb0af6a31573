package com.lightpress.users.account;

import com.lightpress.users.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<Account, UserId>, AccountReads {

    /** Ids of accounts whose email or name starts with the prefix, after the cursor, in a stable order. */
    @Query("""
            SELECT id FROM users.accounts
            WHERE (email LIKE :prefix ESCAPE '\\' OR lower(display_name) LIKE :prefix ESCAPE '\\')
              AND (email > :afterEmail OR (email = :afterEmail AND id > :afterId))
            ORDER BY email, id
            LIMIT :limit
            """)
    List<UUID> search(String prefix, String afterEmail, UUID afterId, int limit);

    @Query("SELECT count(*) FROM users.account_roles WHERE role = 'ADMIN'")
    long countAdmins();

    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Account> findForUpdateById(UserId id);

    /** Serializes bootstrap promotions, so two addresses confirmed at once cannot both become the first ADMIN. */
    @Query("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('users.bootstrap-admin'))) AS locked")
    int lockBootstrap();
}
