package com.lightpress.auth.server;

import com.lightpress.auth.RefreshTokenReused;
import com.lightpress.auth.credentials.SecretTokens;
import com.lightpress.users.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotation with reuse detection around Spring Authorization Server's refresh grant. Each refresh
 * token works once; its use is recorded. Presented again within the grace window (two tabs
 * refreshing at once) it answers with the login's current tokens. Presented again later it means
 * the token leaked, so the whole login (the authorization every token of the family belongs to)
 * is revoked with its browser session and a security event published. Refreshes of one token are serialized by an
 * advisory lock so that concurrent requests cannot both rotate it.
 */
final class RefreshTokenRotation implements AuthenticationProvider {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenRotation.class);

    private final AuthenticationProvider delegate;
    private final OAuth2AuthorizationService authorizations;
    private final Logins logins;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Duration grace;
    private final Clock clock;

    RefreshTokenRotation(
            AuthenticationProvider delegate,
            OAuth2AuthorizationService authorizations,
            Logins logins,
            TransactionTemplate transactions,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Duration grace,
            Clock clock) {
        this.delegate = delegate;
        this.authorizations = authorizations;
        this.logins = logins;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.events = events;
        this.grace = grace;
        this.clock = clock;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        var request = (OAuth2RefreshTokenAuthenticationToken) authentication;
        var hash = SecretTokens.hash(request.getRefreshToken());
        var result = transactions.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", hash);
            var used = jdbc.query(
                    "SELECT authorization_id, used_at FROM auth.used_refresh_tokens WHERE token_hash = ?",
                    (rs, row) -> new Use(rs.getString(1), rs.getTimestamp(2)),
                    hash);
            if (!used.isEmpty()) {
                return replay(request, used.get(0));
            }
            var issued = (OAuth2AccessTokenAuthenticationToken) delegate.authenticate(request);
            if (issued != null && issued.getRefreshToken() != null) {
                var authorization = authorizations.findByToken(
                        issued.getRefreshToken().getTokenValue(), OAuth2TokenType.REFRESH_TOKEN);
                if (authorization != null) {
                    jdbc.update(
                            "INSERT INTO auth.used_refresh_tokens (token_hash, authorization_id, used_at) VALUES (?, ?, ?)",
                            hash,
                            authorization.getId(),
                            Timestamp.from(clock.instant()));
                }
            }
            return issued;
        });
        if (result == null) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2RefreshTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private @Nullable OAuth2AccessTokenAuthenticationToken replay(
            OAuth2RefreshTokenAuthenticationToken request, Use use) {
        var authorization = authorizations.findById(use.authorizationId());
        if (authorization == null) {
            return null;
        }
        var client = (OAuth2ClientAuthenticationToken) request.getPrincipal();
        var refreshToken = authorization.getRefreshToken();
        var inGrace = use.usedAt().toInstant().plus(grace).isAfter(clock.instant());
        if (inGrace
                && refreshToken != null
                && refreshToken.isActive()
                && authorization.getAccessToken() != null
                && client.getRegisteredClient() != null
                && client.getRegisteredClient().getId().equals(authorization.getRegisteredClientId())) {
            return currentTokens(client, authorization);
        }
        LOG.warn(
                "Refresh token of authorization {} used again after rotation: revoking the login",
                authorization.getId());
        logins.end(authorization);
        jdbc.update("DELETE FROM auth.used_refresh_tokens WHERE authorization_id = ?", authorization.getId());
        events.publishEvent(RefreshTokenReused.of(UserId.of(authorization.getPrincipalName()), clock.instant()));
        return null;
    }

    private static OAuth2AccessTokenAuthenticationToken currentTokens(
            OAuth2ClientAuthenticationToken client, OAuth2Authorization authorization) {
        var idToken = authorization.getToken(OidcIdToken.class);
        Map<String, Object> parameters = idToken == null
                ? Map.of()
                : Map.of(OidcParameterNames.ID_TOKEN, idToken.getToken().getTokenValue());
        return new OAuth2AccessTokenAuthenticationToken(
                client.getRegisteredClient(),
                client,
                authorization.getAccessToken().getToken(),
                authorization.getRefreshToken().getToken(),
                parameters);
    }

    private record Use(String authorizationId, Timestamp usedAt) {}
}
