package com.lightpress.auth.server;

import com.lightpress.auth.credentials.TrustedDevices;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What the login form's request tells besides email and password: the client address and the
 * trusted-device cookie, if the browser has one. Only the plain {@link WebAuthenticationDetails}
 * go into the authentication that is kept; the cookie is used once, for this check.
 */
final class LoginDetails extends WebAuthenticationDetails {

    private final @Nullable String deviceCookie;

    private LoginDetails(HttpServletRequest request) {
        super(request);
        this.deviceCookie = deviceCookie(request);
    }

    static AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> source() {
        return LoginDetails::new;
    }

    @Nullable
    String deviceCookie() {
        return deviceCookie;
    }

    WebAuthenticationDetails withoutCookie() {
        return new WebAuthenticationDetails(getRemoteAddress(), getSessionId());
    }

    static @Nullable String deviceCookie(HttpServletRequest request) {
        var cookies = request.getCookies();
        return cookies == null
                ? null
                : Arrays.stream(cookies)
                        .filter(cookie -> cookie.getName().equals(TrustedDevices.COOKIE))
                        .map(Cookie::getValue)
                        .findFirst()
                        .orElse(null);
    }
}
