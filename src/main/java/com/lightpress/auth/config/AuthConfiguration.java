package com.lightpress.auth.config;

import com.lightpress.auth.AuthProtocol;
import com.lightpress.platform.PublicPaths;
import com.lightpress.platform.StepUpPaths;
import com.lightpress.platform.TokenIssuer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The auth module's wiring as a whole: its settings, the issuer it is for the other modules, and
 * the paths it opens or guards. It exists only when auth runs in this process.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthSettings.class)
class AuthConfiguration {

    /** Auth issues the tokens every module checks, in this process. */
    @Bean
    TokenIssuer localTokenIssuer(AuthSettings settings) {
        return AuthProtocol.issuer(null, settings.internalClientSecret());
    }

    @Bean
    PublicPaths authPublicPaths() {
        return PublicPaths.of(
                "/api/auth/signup",
                "/api/auth/verify-email",
                "/api/auth/password-reset",
                "/api/auth/password-reset/confirm");
    }

    /**
     * Changing the password or the second factors needs the second factor of an account that has
     * one; so does adding a passkey, which could otherwise sign in without the factor.
     */
    @Bean
    StepUpPaths authStepUpPaths() {
        return StepUpPaths.of(
                "POST /api/auth/password",
                "DELETE /api/auth/factors/**",
                "POST /api/auth/factors/recovery-codes",
                "POST /api/auth/factors/passkeys",
                "POST /api/auth/factors/passkeys/options");
    }
}
