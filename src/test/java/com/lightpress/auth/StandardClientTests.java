package com.lightpress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Browser;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Spring Security's OAuth 2 client, configured only from discovery, completes code + PKCE,
 * validates the ID token and refreshes: Lightpress is a standard OpenID provider.
 */
@LightpressTest
class StandardClientTests {

    @Value("${local.server.port}")
    int port;

    @Value("${lightpress.platform.public-url}")
    String issuer;

    @Test
    void standardClientCompletesDiscoveryCodeWithPkceAndRefresh() {
        var user = new OAuthClient(port).newUser("Standard Client");
        var redirectUri = issuer + "/app/";
        var registration = ClientRegistrations.fromOidcIssuerLocation(issuer)
                .registrationId("lightpress")
                .clientId("lightpress-web")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope("openid", "profile", "email")
                .build();
        var builder = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(redirectUri)
                .scopes(registration.getScopes())
                .state(UUID.randomUUID().toString());
        OAuth2AuthorizationRequestCustomizers.withPkce().accept(builder);
        var authorizationRequest = builder.build();

        var browser = new Browser(port);
        var login = browser.followUntil(
                browser.get(authorizationRequest.getAuthorizationRequestUri()),
                location -> location.startsWith(redirectUri));
        var redirect = browser.followUntil(
                browser.logIn(login, user.email(), user.password()), location -> location.startsWith(redirectUri));
        var query = UriComponentsBuilder.fromUriString(Browser.location(redirect))
                .build()
                .getQueryParams();
        var authorizationResponse = OAuth2AuthorizationResponse.success(query.getFirst("code"))
                .redirectUri(redirectUri)
                .state(query.getFirst("state"))
                .build();

        var tokens = new RestClientAuthorizationCodeTokenResponseClient()
                .getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(
                        registration, new OAuth2AuthorizationExchange(authorizationRequest, authorizationResponse)));

        var idToken = new OidcIdTokenDecoderFactory()
                .createDecoder(registration)
                .decode((String) tokens.getAdditionalParameters().get("id_token"));
        assertThat(idToken.getSubject()).isEqualTo(user.id());
        assertThat(idToken.getClaimAsString("email")).isEqualTo(user.email());
        assertThat(tokens.getRefreshToken()).isNotNull();

        var refreshed = new RestClientRefreshTokenTokenResponseClient()
                .getTokenResponse(new OAuth2RefreshTokenGrantRequest(
                        registration, tokens.getAccessToken(), tokens.getRefreshToken()));
        assertThat(refreshed.getAccessToken().getTokenValue())
                .isNotEqualTo(tokens.getAccessToken().getTokenValue());
        assertThat(refreshed.getRefreshToken().getTokenValue())
                .isNotEqualTo(tokens.getRefreshToken().getTokenValue());
    }
}
