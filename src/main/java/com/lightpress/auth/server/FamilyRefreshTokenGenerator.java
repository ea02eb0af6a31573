package com.lightpress.auth.server;

import com.lightpress.platform.RandomSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Issues refresh tokens to every client allowed the refresh grant, public ones included (Spring
 * Authorization Server skips public clients by default). A token lives as long as the client's
 * idle lifetime allows, but never beyond the absolute lifetime of its family: every refresh token
 * descended from one login ends when that login is old enough.
 */
final class FamilyRefreshTokenGenerator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

    private final Duration absoluteLifetime;
    private final Clock clock;

    FamilyRefreshTokenGenerator(Duration absoluteLifetime, Clock clock) {
        this.absoluteLifetime = absoluteLifetime;
        this.clock = clock;
    }

    @Override
    public @Nullable OAuth2RefreshToken generate(OAuth2TokenContext context) {
        if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                || !context.getRegisteredClient()
                        .getAuthorizationGrantTypes()
                        .contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            return null;
        }
        var now = clock.instant();
        var idle = now.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive());
        var absolute = familyStart(context.getAuthorization(), now).plus(absoluteLifetime);
        var expiresAt = idle.isBefore(absolute) ? idle : absolute;
        if (!expiresAt.isAfter(now)) {
            return null;
        }
        return new OAuth2RefreshToken(RandomSecrets.token(48), now, expiresAt);
    }

    /** A family starts when its login issued the authorization code or device code. */
    static Instant familyStart(@Nullable OAuth2Authorization authorization, Instant fallback) {
        if (authorization == null) {
            return fallback;
        }
        var code = authorization.getToken(OAuth2AuthorizationCode.class);
        if (code != null && code.getToken().getIssuedAt() != null) {
            return code.getToken().getIssuedAt();
        }
        var deviceCode = authorization.getToken(OAuth2DeviceCode.class);
        if (deviceCode != null && deviceCode.getToken().getIssuedAt() != null) {
            return deviceCode.getToken().getIssuedAt();
        }
        return fallback;
    }
}
