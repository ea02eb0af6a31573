package com.lightpress.billing.remote;

import com.lightpress.platform.InternalApi;
import com.lightpress.users.PersonalData;
import com.lightpress.users.RemotePersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where billing runs elsewhere, its section of the data export is asked of it over HTTP. */
@Configuration(proxyBeanMethods = false)
class RemoteBillingConfiguration {

    @Bean
    PersonalData remoteBillingData(InternalApi api) {
        return new RemotePersonalData(api, "billing", "billing", "/internal/billing/personal-data/{userId}");
    }
}
