package com.lightpress.users.account;

import com.lightpress.platform.StepUpPaths;
import com.lightpress.platform.TypedIdentifiers;
import com.lightpress.users.UserId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** The users module's wiring; it exists only when users runs in this process. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories
@EnableConfigurationProperties(UsersSettings.class)
class UsersConfiguration {

    @Bean
    TypedIdentifiers usersIdentifiers() {
        return TypedIdentifiers.of(UserId.class);
    }

    /** Closing the account needs the second factor of an account that has one. */
    @Bean
    StepUpPaths usersStepUpPaths() {
        return StepUpPaths.of("DELETE /api/users/me");
    }
}
