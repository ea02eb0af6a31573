package com.lightpress.auth.server;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * What ends a login besides a new password: RP-initiated logout ends the login its ID token names
 * (tokens and browser session), and revoking a refresh token ends the browser session of its
 * login, on every instance, so the next authorization asks for the password wherever it lands.
 */
final class LoginEnds {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final OAuth2AuthorizationService authorizations;
    private final Logins logins;
    private final AuthenticationSuccessHandler logoutRedirect = new OidcLogoutAuthenticationSuccessHandler();

    LoginEnds(OAuth2AuthorizationService authorizations, Logins logins) {
        this.authorizations = authorizations;
        this.logins = logins;
    }

    /** After Spring Authorization Server validated the logout request: end the login, then log out. */
    void loggedOut(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        var logout = (OidcLogoutAuthenticationToken) authentication;
        var authorization = authorizations.findByToken(logout.getIdTokenHint(), ID_TOKEN);
        if (authorization != null) {
            logins.end(authorization);
        }
        logoutRedirect.onAuthenticationSuccess(request, response, authentication);
    }

    /**
     * After a client revoked a refresh token (which the server has invalidated): the browser
     * session of that login ends too. The login itself stays until RP-initiated logout names it.
     */
    void revoked(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        var revocation = (OAuth2TokenRevocationAuthenticationToken) authentication;
        var authorization = authorizations.findByToken(revocation.getToken(), OAuth2TokenType.REFRESH_TOKEN);
        if (authorization != null) {
            logins.endSessionOf(authorization);
        }
        response.setStatus(HttpServletResponse.SC_OK);
    }
}
