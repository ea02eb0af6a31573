package com.lightpress.auth.credentials;

import com.lightpress.users.UserId;
import org.springframework.data.repository.ListCrudRepository;

interface CredentialRepository extends ListCrudRepository<Credential, UserId> {

    boolean existsByEmail(String email);
}
