package com.lightpress.auth.server;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a public client (one without a secret) from token, revocation and device-authorization
 * requests that Spring Authorization Server leaves to confidential clients: refreshing a token,
 * polling with a device code, revoking a token. The authorization-code exchange is left to the
 * server's own PKCE converter.
 */
final class PublicClientAuthenticationConverter implements AuthenticationConverter {

    @Override
    public @Nullable Authentication convert(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        var clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        var grantType = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
        if (clientId == null
                || clientId.isBlank()
                || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                || AuthorizationGrantType.AUTHORIZATION_CODE.getValue().equals(grantType)) {
            return null;
        }
        var parameters = new HashMap<String, Object>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals(OAuth2ParameterNames.CLIENT_ID)) {
                parameters.put(name, values.length == 1 ? values[0] : values);
            }
        });
        return new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null, parameters);
    }
}
