package com.lightpress.auth.credentials;

import com.lightpress.users.UserId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credentials; every change reads its credential with a row lock first, so concurrent requests for
 * one account (logins, resets) wait for each other instead of failing on the version check.
 */
interface CredentialRepository extends ListCrudRepository<Credential, UserId> {

    /** In a transaction: the credential's tokens are read by a second query on the same connection. */
    @Transactional(readOnly = true)
    Optional<Credential> findByEmail(String email);

    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Credential> findForUpdateById(UserId id);

    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Credential> findForUpdateByEmail(String email);

    @Query("SELECT credential_id FROM auth.one_time_tokens WHERE token_hash = :tokenHash")
    Optional<UUID> findIdByTokenHash(String tokenHash);
}
