package com.lightpress.auth.credentials;

import com.lightpress.auth.AuthProtocol;
import com.lightpress.platform.PublicPaths;
import com.lightpress.platform.StepUpPaths;
import com.lightpress.platform.TokenIssuer;
import com.lightpress.platform.TypedIdentifiers;
import com.lightpress.users.UserId;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The auth module's wiring; it exists only when auth runs in this process. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories
@EnableConfigurationProperties(AuthSettings.class)
class AuthConfiguration {

    private static final String ARGON2 = "argon2id";

    @Bean
    TypedIdentifiers authIdentifiers() {
        return TypedIdentifiers.of(UserId.class);
    }

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

    /**
     * Argon2id, by default OWASP's recommended 19 MiB and 2 passes on 1 lane; the id prefix and the
     * parameters in each hash let a stronger setting replace it later: a login with a weaker
     * encoding rehashes the password.
     */
    @Bean
    PasswordEncoder passwordEncoder(AuthSettings settings) {
        var cost = settings.passwordHashing();
        var argon2 = new Argon2PasswordEncoder(16, 32, cost.parallelism(), cost.memoryKib(), cost.iterations());
        return new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2, argon2));
    }
}
