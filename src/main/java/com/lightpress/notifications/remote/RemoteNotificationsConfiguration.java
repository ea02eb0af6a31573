package com.lightpress.notifications.remote;

import com.lightpress.platform.InternalApi;
import com.lightpress.users.PersonalData;
import com.lightpress.users.RemotePersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where notifications runs elsewhere, its section of the data export (preferences, inbox, emails
 * sent) is asked of it over HTTP.
 */
@Configuration(proxyBeanMethods = false)
class RemoteNotificationsConfiguration {

    @Bean
    PersonalData remoteNotificationsData(InternalApi api) {
        return new RemotePersonalData(
                api, "notifications", "notifications", "/internal/notifications/personal-data/{userId}");
    }
}
