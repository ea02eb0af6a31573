package com.lightpress.users.account;

import com.lightpress.users.UserId;
import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<Account, UserId> {}
