package com.lightpress.billing.customer;

import com.lightpress.users.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** The Stripe customer that stands for one user. */
@Table(schema = "billing", name = "customers")
class Customer {

    @Id
    private final UserId userId;

    private final String stripeCustomerId;
    private final Instant createdAt;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Customer(UserId userId, String stripeCustomerId, Instant createdAt, @Nullable Long version) {
        this.userId = userId;
        this.stripeCustomerId = stripeCustomerId;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Customer of(UserId userId, String stripeCustomerId, Instant now) {
        return new Customer(userId, stripeCustomerId, now, null);
    }

    UserId userId() {
        return userId;
    }

    String stripeCustomerId() {
        return stripeCustomerId;
    }

    Instant createdAt() {
        return createdAt;
    }
}
