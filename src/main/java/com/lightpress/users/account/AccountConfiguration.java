package com.lightpress.users.account;

import com.lightpress.platform.TypedIdentifiers;
import com.lightpress.users.UserId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** The accounts' persistence wiring, beside the repository it enables. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories
class AccountConfiguration {

    @Bean
    TypedIdentifiers usersIdentifiers() {
        return TypedIdentifiers.of(UserId.class);
    }
}
