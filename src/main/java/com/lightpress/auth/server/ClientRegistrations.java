package com.lightpress.auth.server;

import com.lightpress.auth.AuthProtocol;
import com.lightpress.auth.config.AuthSettings;
import com.lightpress.platform.PlatformSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients Lightpress knows, defined by configuration alone, so every instance with the same
 * settings knows the same clients without asking the database: the first-party browser app, the
 * command-line client and the internal client services use to call each other.
 */
final class ClientRegistrations {

    static final String WEB = "lightpress-web";
    static final String CLI = "lightpress-cli";
    static final String INTERNAL = AuthProtocol.INTERNAL_CLIENT_ID;
    static final String INTERNAL_SCOPE = AuthProtocol.INTERNAL_SCOPE;

    private static final Logger LOG = LoggerFactory.getLogger(ClientRegistrations.class);

    private ClientRegistrations() {}

    static List<RegisteredClient> clients(AuthSettings settings, PlatformSettings platform, PasswordEncoder secrets) {
        var ownClient = List.of(platform.link("/app/"));
        var redirects = orDefault(settings.webClient().redirectUris(), ownClient);
        var postLogout = orDefault(settings.webClient().postLogoutRedirectUris(), ownClient);
        var tokens = settings.tokens();
        var userTokens = TokenSettings.builder()
                .accessTokenTimeToLive(tokens.accessToken())
                .refreshTokenTimeToLive(tokens.refreshIdle())
                .reuseRefreshTokens(false)
                .authorizationCodeTimeToLive(Duration.ofMinutes(5))
                .deviceCodeTimeToLive(Duration.ofMinutes(10))
                .build();
        var clients = new ArrayList<RegisteredClient>();
        clients.add(RegisteredClient.withId(WEB)
                .clientId(WEB)
                .clientName("Lightpress web app")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(redirects))
                .postLogoutRedirectUris(uris -> uris.addAll(postLogout))
                .scopes(scopes -> scopes.addAll(List.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL)))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(userTokens)
                .build());
        clients.add(RegisteredClient.withId(CLI)
                .clientId(CLI)
                .clientName("Lightpress command line")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                // no openid: the server issues no ID tokens in the device flow and refuses the scope
                .scopes(scopes -> scopes.addAll(List.of(OidcScopes.PROFILE, OidcScopes.EMAIL)))
                // the user confirms every device on a page that names the client and the code
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(true)
                        .build())
                .tokenSettings(userTokens)
                .build());
        if (settings.internalClientSecret() != null
                && !settings.internalClientSecret().isBlank()) {
            clients.add(RegisteredClient.withId(INTERNAL)
                    .clientId(INTERNAL)
                    .clientName("Lightpress services")
                    .clientSecret(secrets.encode(settings.internalClientSecret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope(INTERNAL_SCOPE)
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenTimeToLive(tokens.accessToken())
                            .build())
                    .build());
        } else {
            LOG.info("No lightpress.auth.internal-client-secret: services cannot call each other with tokens");
        }
        return clients;
    }

    private static List<String> orDefault(List<String> configured, List<String> fallback) {
        return configured.isEmpty() ? fallback : configured;
    }
}
