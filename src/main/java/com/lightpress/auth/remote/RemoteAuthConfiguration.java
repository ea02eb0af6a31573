package com.lightpress.auth.remote;

import com.lightpress.auth.AuthProtocol;
import com.lightpress.platform.InternalApi;
import com.lightpress.platform.TokenIssuer;
import com.lightpress.users.PersonalData;
import com.lightpress.users.RemotePersonalData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where auth runs elsewhere, the platform checks tokens against auth at its configured URL, and
 * each of auth's sections of the data export is asked of auth over HTTP.
 */
@Configuration(proxyBeanMethods = false)
class RemoteAuthConfiguration {

    @Bean
    TokenIssuer remoteTokenIssuer(
            @Value("${lightpress.modules.remote.auth.url:}") String url,
            @Value("${lightpress.auth.internal-client-secret:}") String internalSecret) {
        return AuthProtocol.issuer(url, internalSecret);
    }

    @Bean
    PersonalData remoteIdentityData(InternalApi api) {
        return new RemotePersonalData(api, "auth", AuthProtocol.IDENTITY_SECTION, AuthProtocol.PERSONAL_DATA_PATH);
    }

    @Bean
    PersonalData remoteFactorData(InternalApi api) {
        return new RemotePersonalData(api, "auth", AuthProtocol.FACTORS_SECTION, AuthProtocol.PERSONAL_DATA_PATH);
    }
}
