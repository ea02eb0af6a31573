package com.lightpress.billing.customer;

import com.lightpress.billing.stripe.StripeSessions;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import com.lightpress.users.UserProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;

/**
 * Which Stripe customer stands for which user. The customer is created in Stripe the first time a
 * user needs one, and recorded only once Stripe has answered.
 */
@Service
public class Customers {

    private static final Logger LOG = LoggerFactory.getLogger(Customers.class);

    private final CustomerRepository customers;
    private final StripeSessions stripe;
    private final UserAccounts users;
    private final Clock clock;

    Customers(CustomerRepository customers, StripeSessions stripe, UserAccounts users, Clock clock) {
        this.customers = customers;
        this.stripe = stripe;
        this.users = users;
        this.clock = clock;
    }

    public Optional<String> customerOf(UserId user) {
        return customers.findById(user).map(Customer::stripeCustomerId);
    }

    public Optional<UserId> userOf(String stripeCustomerId) {
        return customers.findByStripeCustomerId(stripeCustomerId).map(Customer::userId);
    }

    /** The user's Stripe customer id, created in Stripe (without recording it) if there is none. */
    public NewOrExisting customerFor(UserId user) {
        return customerOf(user).map(id -> new NewOrExisting(user, id, true)).orElseGet(() -> {
            var profile = users.findProfile(user);
            var id = stripe.createCustomer(
                    user,
                    profile.map(UserProfile::email).orElse(null),
                    profile.map(UserProfile::displayName).orElse(null));
            return new NewOrExisting(user, id, false);
        });
    }

    /** Records a customer Stripe has created; a concurrent request may have recorded it first. */
    public void record(NewOrExisting customer) {
        if (customer.recorded()) {
            return;
        }
        try {
            customers.save(Customer.of(customer.user(), customer.stripeCustomerId(), clock.instant()));
        } catch (DbActionExecutionException | DataIntegrityViolationException e) {
            LOG.info("Customer of user {} was recorded by a concurrent request", customer.user());
        }
    }

    /** Forgets which Stripe customer stood for the user (their account is closed). */
    public void forget(UserId user) {
        customers.deleteById(user);
    }

    public Optional<CustomerView> view(UserId user) {
        return customers.findById(user).map(it -> new CustomerView(it.stripeCustomerId(), it.createdAt()));
    }

    /** A user's Stripe customer id, and whether Lightpress has recorded it yet. */
    public record NewOrExisting(UserId user, String stripeCustomerId, boolean recorded) {}

    /** The customer as the user's data export shows it. */
    public record CustomerView(String stripeCustomerId, Instant createdAt) {}
}
