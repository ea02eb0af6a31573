package com.lightpress.billing.customer;

import com.lightpress.users.UserId;
import org.springframework.data.repository.ListCrudRepository;

interface CustomerRepository extends ListCrudRepository<Customer, UserId> {}
