package com.lightpress.auth.server;

import com.lightpress.auth.factors.FactorAuthorities;
import com.lightpress.auth.factors.SecondFactors;
import com.lightpress.users.UserId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets no login session of an account with a second factor turn into tokens on its password
 * alone: an authorization request (or device approval) from such a session is kept and the
 * browser sent to the second step, which returns to it. This also covers {@code acr_values}
 * asking for two factors and {@code max_age} forcing a new login: the new login owes the second
 * factor again.
 */
final class SecondFactorGate extends OncePerRequestFilter {

    private final SecondFactors factors;
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    SecondFactorGate(SecondFactors factors) {
        this.factors = factors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.equals("/oauth2/authorize") && !path.equals("/oauth2/device_verification");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && FactorAuthorities.owesSecondFactor(authentication)
                && factors.isEnrolled(UserId.of(authentication.getName()))) {
            requests.saveRequest(request, response);
            response.sendRedirect(request.getContextPath() + FactorAuthorities.SECOND_STEP_PATH);
            return;
        }
        chain.doFilter(request, response);
    }
}
