package com.lightpress.auth.keys;

import com.lightpress.auth.config.AuthSettings;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Exposes the signing keys: the published set as the {@link JWKSource} the platform validates
 * tokens with and the JWKS endpoint shows, and an encoder that signs with the current key only.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories
class SigningKeyConfiguration {

    private final SigningKeys keys;
    private final AuthSettings settings;

    SigningKeyConfiguration(SigningKeys keys, AuthSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    @Bean
    @Primary
    JWKSource<SecurityContext> jwkSource() {
        return keys.verification();
    }

    @Bean
    JwtEncoder jwtEncoder() {
        return new NimbusJwtEncoder(keys.signing());
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    @SchedulerLock(name = "auth.signing-key-rotation", lockAtLeastFor = "PT30M")
    void rotateOldKeys() {
        keys.rotateIfOlderThan(settings.signingKeyRotation());
    }
}
