package com.lightpress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Stored hashes carry their parameters, so raising the cost takes effect at each user's next
 * login: a hash made with weaker settings than the current ones is replaced by a stronger one.
 */
@LightpressTest(properties = "lightpress.auth.password-hashing.memory-kib=8192")
class PasswordRehashTests {

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLoginReplacesAHashMadeWithWeakerSettings() {
        var client = new OAuthClient(port);
        var user = client.newUser("Rehashed Later");
        var weaker = "{argon2id}" + new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(user.password());
        jdbc.update("UPDATE auth.credentials SET password_hash = ? WHERE id = ?", weaker, UUID.fromString(user.id()));

        client.logIn(user.email(), user.password());

        var stored = jdbc.queryForObject(
                "SELECT password_hash FROM auth.credentials WHERE id = ?", String.class, UUID.fromString(user.id()));
        assertThat(stored).isNotEqualTo(weaker).contains("m=8192,t=1,p=1");
    }
}
