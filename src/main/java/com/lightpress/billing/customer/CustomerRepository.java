package com.lightpress.billing.customer;

import com.lightpress.users.UserId;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface CustomerRepository extends ListCrudRepository<Customer, UserId> {

    Optional<Customer> findByStripeCustomerId(String stripeCustomerId);
}
