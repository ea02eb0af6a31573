package com.lightpress.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTests {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final AtomicInteger decoded = new AtomicInteger();
    private final JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);

    /** Stands in for the signature check: counts its calls, refuses tokens named "forged". */
    private final JwtDecoder checking = token -> {
        decoded.incrementAndGet();
        if (token.startsWith("forged")) {
            throw new BadJwtException("Signature does not match");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("user")
                .issuedAt(NOW)
                .expiresAt(NOW.plus(Duration.ofMinutes(5)))
                .build();
    };

    private final VerifiedTokens tokens = new VerifiedTokens(checking, expiry);

    @Test
    void aTokenSentAgainIsCheckedOnce() {
        at(NOW);
        var first = tokens.decode("token-a");
        var second = tokens.decode("token-a");
        tokens.decode("token-b");

        assertThat(second).isSameAs(first);
        assertThat(decoded).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        at(NOW);
        tokens.decode("token-a");

        at(NOW.plus(Duration.ofMinutes(6)));

        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(JwtValidationException.class);
        assertThat(decoded).as("forgotten when it expired, so checked again").hasValue(2);
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        at(NOW);
        assertThatThrownBy(() -> tokens.decode("forged-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-token")).isInstanceOf(BadJwtException.class);

        assertThat(decoded).hasValue(2);
    }

    private void at(Instant instant) {
        expiry.setClock(Clock.fixed(instant, ZoneOffset.UTC));
    }
}
