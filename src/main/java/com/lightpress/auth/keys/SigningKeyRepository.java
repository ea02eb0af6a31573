package com.lightpress.auth.keys;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface SigningKeyRepository extends ListCrudRepository<SigningKey, String> {

    List<SigningKey> findAllByOrderByCreatedAtDesc();
}
