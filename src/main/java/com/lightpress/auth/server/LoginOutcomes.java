package com.lightpress.auth.server;

import com.lightpress.auth.config.AuthSettings;
import com.lightpress.auth.credentials.AuthMeters;
import com.lightpress.auth.credentials.HashingBusy;
import com.lightpress.auth.credentials.TrustedDevices;
import com.lightpress.auth.factors.FactorAuthorities;
import com.lightpress.auth.factors.SecondFactors;
import com.lightpress.users.UserId;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * What the login form does after the check: a success makes the browser a trusted device (a
 * signed cookie sent only to the login form) and goes on to the saved authorization request; a
 * refusal shows the form again, and a refusal for lack of hashing capacity says to retry shortly.
 * An account with a second factor is sent to the second step first.
 */
final class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final TrustedDevices devices;
    private final AuthMeters meters;
    private final Duration deviceLifetime;
    private final SecondFactors factors;
    private final AuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
    private final AuthenticationFailureHandler refused = new SimpleUrlAuthenticationFailureHandler("/login?error");
    private final AuthenticationFailureHandler busy = new SimpleUrlAuthenticationFailureHandler("/login?busy");

    LoginOutcomes(TrustedDevices devices, AuthMeters meters, AuthSettings settings, SecondFactors factors) {
        this.devices = devices;
        this.factors = factors;
        this.meters = meters;
        this.deviceLifetime = settings.login().deviceLifetime();
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        meters.login("success");
        CurrentRequestSessions.markLogin(request);
        var cookie = devices.remember(UserId.of(authentication.getName()), LoginDetails.deviceCookie(request));
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(TrustedDevices.COOKIE, cookie)
                        .path("/login")
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .sameSite("Strict")
                        .maxAge(deviceLifetime)
                        .build()
                        .toString());
        if (factors.isEnrolled(UserId.of(authentication.getName()))) {
            response.sendRedirect(request.getContextPath() + FactorAuthorities.SECOND_STEP_PATH);
            return;
        }
        next.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        var noCapacity = exception.getCause() instanceof HashingBusy;
        meters.login(noCapacity ? "busy" : "refused");
        var handler = noCapacity ? busy : refused;
        handler.onAuthenticationFailure(request, response, exception);
    }
}
