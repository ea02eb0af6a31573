package com.lightpress.auth.server;

import com.lightpress.auth.credentials.AuthSettings;
import java.net.URI;
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
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients Lightpress knows, defined by configuration and written to the client table at start
 * so every instance agrees: the first-party browser app, the command-line client and the internal
 * client services use to call each other.
 */
final class ClientRegistrations {

    static final String WEB = "lightpress-web";
    static final String CLI = "lightpress-cli";
    static final String INTERNAL = "lightpress-internal";
    static final String INTERNAL_SCOPE = "internal";

    private static final Logger LOG = LoggerFactory.getLogger(ClientRegistrations.class);

    private ClientRegistrations() {}

    static void register(
            RegisteredClientRepository repository, AuthSettings settings, URI publicUrl, PasswordEncoder passwords) {
        clients(settings, publicUrl, passwords).forEach(repository::save);
    }

    static List<RegisteredClient> clients(AuthSettings settings, URI publicUrl, PasswordEncoder passwords) {
        var ownClient = List.of(publicUrl.toString().replaceAll("/$", "") + "/app/");
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
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(userTokens)
                .build());
        if (settings.internalClientSecret() != null
                && !settings.internalClientSecret().isBlank()) {
            clients.add(RegisteredClient.withId(INTERNAL)
                    .clientId(INTERNAL)
                    .clientName("Lightpress services")
                    .clientSecret(passwords.encode(settings.internalClientSecret()))
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
