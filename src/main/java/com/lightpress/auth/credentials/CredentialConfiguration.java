package com.lightpress.auth.credentials;

import com.lightpress.auth.config.AuthSettings;
import com.lightpress.platform.TypedIdentifiers;
import com.lightpress.users.UserId;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The credentials' persistence and password encoding, beside the credentials they serve. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories
class CredentialConfiguration {

    private static final String ARGON2 = "argon2id";

    @Bean
    TypedIdentifiers authIdentifiers() {
        return TypedIdentifiers.of(UserId.class);
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
