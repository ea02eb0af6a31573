package com.lightpress.auth.server;

import com.lightpress.auth.credentials.AuthMeters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the login pages' script hears after a passkey: where to go next (the authorization request
 * the login started from), or 401. A passkey alone starts a browser login like a password does;
 * a passkey after a password completes the login the password began.
 */
final class PasskeyLoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final AuthMeters meters;
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    PasskeyLoginOutcomes(AuthMeters meters) {
        this.meters = meters;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        meters.login("success");
        var afterPassword = authentication.getAuthorities().stream()
                .anyMatch(it -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(it.getAuthority()));
        if (!afterPassword) {
            CurrentRequestSessions.markLogin(request);
        }
        var saved = requests.getRequest(request, response);
        var next = saved == null ? request.getContextPath() + "/" : saved.getRedirectUrl();
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JsonMapper.shared().writeValue(response.getWriter(), Map.of("authenticated", true, "redirectUrl", next));
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        meters.login("refused");
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JsonMapper.shared().writeValue(response.getWriter(), Map.of("authenticated", false));
    }
}
