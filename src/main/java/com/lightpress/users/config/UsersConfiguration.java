package com.lightpress.users.config;

import com.lightpress.platform.StepUpPaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The users module's settings and the path it guards; it exists only when users runs in this process. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsersSettings.class)
class UsersConfiguration {

    /** Closing the account needs the second factor of an account that has one. */
    @Bean
    StepUpPaths usersStepUpPaths() {
        return StepUpPaths.of("DELETE /api/users/me");
    }
}
