package com.lightpress.notifications.config;

import com.lightpress.platform.PublicPaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notifications module's settings and the one path anyone may call without a token. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationsSettings.class)
class NotificationsConfiguration {

    /** Unsubscribe links are followed from mail clients, where nobody is logged in. */
    @Bean
    PublicPaths notificationsPublicPaths() {
        return PublicPaths.of("/api/notifications/unsubscribe");
    }
}
