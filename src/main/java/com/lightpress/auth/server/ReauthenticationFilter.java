package com.lightpress.auth.server;

import com.lightpress.auth.credentials.CredentialManagement;
import com.lightpress.users.UserId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the user enter their password again before an authorization request is answered when the
 * client asks for it ({@code prompt=login}, or {@code max_age} older than the last login), and
 * when the login session predates a password change or the account was disabled. It drops the
 * session's authentication, so the server sends the browser to the login page and, after it, back
 * to the same authorization request. Either way it notes when it asked (as it does when a browser
 * without a login arrives with such a request). The login that follows answers that request, which
 * the browser sends again right after it; the note is then used up, so a later request for a fresh
 * login is asked again.
 */
final class ReauthenticationFilter extends OncePerRequestFilter {

    private static final String AUTHORIZE = "/oauth2/authorize";
    private static final String DEVICE_VERIFICATION = "/oauth2/device_verification";
    private static final String FORCED_AT = ReauthenticationFilter.class.getName() + ".forcedAt";

    private final CredentialManagement credentials;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    ReauthenticationFilter(CredentialManagement credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** Where a login session turns into tokens: the authorization request and device approval. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.equals(AUTHORIZE) && !path.equals(DEVICE_VERIFICATION);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = holder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            // the login this request now leads to is the fresh one it asks for
            if (clientWantsFreshLogin(request, null)) {
                request.getSession().setAttribute(FORCED_AT, clock.instant());
            }
        } else if (mustLogInAgain(request, authentication)) {
            request.getSession().setAttribute(FORCED_AT, clock.instant());
            var empty = holder.createEmptyContext();
            holder.setContext(empty);
            contexts.saveContext(empty, request, response);
        }
        chain.doFilter(request, response);
    }

    private boolean mustLogInAgain(HttpServletRequest request, Authentication authentication) {
        var authTime = TokenClaims.authenticationTime(authentication);
        if (authTime == null || sessionOutdated(authentication, authTime)) {
            return true;
        }
        var answered = answersTheLastRequest(request, authTime);
        return clientWantsFreshLogin(request, authTime) && !answered;
    }

    /**
     * True when the session's login came after its note of a request for a fresh login. The first
     * request of that login uses the note up, whatever it asks, so no later request passes on it.
     */
    private static boolean answersTheLastRequest(HttpServletRequest request, Instant authTime) {
        var session = request.getSession(false);
        var forcedAt = session == null ? null : (Instant) session.getAttribute(FORCED_AT);
        if (forcedAt == null || !authTime.isAfter(forcedAt)) {
            return false;
        }
        session.removeAttribute(FORCED_AT);
        return true;
    }

    /** {@code prompt=login}, or a {@code max_age} the last login (if there is one) is older than. */
    private boolean clientWantsFreshLogin(HttpServletRequest request, @Nullable Instant authTime) {
        var prompt = request.getParameter("prompt");
        if (prompt != null && Arrays.asList(prompt.split(" ")).contains("login")) {
            return true;
        }
        var maxAge = request.getParameter("max_age");
        return maxAge != null
                && maxAge.matches("\\d{1,9}")
                && (authTime == null
                        || !authTime.plus(Duration.ofSeconds(Long.parseLong(maxAge)))
                                .isAfter(clock.instant()));
    }

    /** The login predates a password change, or the account has been disabled since. */
    private boolean sessionOutdated(Authentication authentication, Instant authTime) {
        return credentials
                .find(UserId.of(authentication.getName()))
                .map(identity -> !identity.stillValidFor(authTime))
                .orElse(true);
    }
}
