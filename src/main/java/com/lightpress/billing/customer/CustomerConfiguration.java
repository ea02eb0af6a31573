package com.lightpress.billing.customer;

import com.lightpress.platform.TypedIdentifiers;
import com.lightpress.users.UserId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** Billing's persistence wiring. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories
class CustomerConfiguration {

    @Bean
    TypedIdentifiers billingIdentifiers() {
        return TypedIdentifiers.of(UserId.class);
    }
}
