package com.lightpress.notifications.inbox;

import com.lightpress.platform.TypedIdentifiers;
import com.lightpress.users.UserId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** The notifications module's persistence wiring. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories
class InboxConfiguration {

    @Bean
    TypedIdentifiers notificationsIdentifiers() {
        return TypedIdentifiers.of(UserId.class);
    }
}
