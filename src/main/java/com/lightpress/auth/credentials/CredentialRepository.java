package com.lightpress.auth.credentials;

import com.lightpress.users.UserId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CredentialRepository extends ListCrudRepository<Credential, UserId> {

    Optional<Credential> findByEmail(String email);

    boolean existsByEmail(String email);

    @Query("SELECT credential_id FROM auth.one_time_tokens WHERE token_hash = :tokenHash")
    Optional<UUID> findIdByTokenHash(String tokenHash);
}
