package com.lightpress.auth.server;

import com.lightpress.auth.credentials.HashingBusy;
import com.lightpress.auth.credentials.PasswordLogin;
import java.time.Clock;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The login form's only authentication: deliberately not a bean, so Spring Security never adds it
 * to a global authentication manager that would check (and count) a refused password twice. The
 * result names the user by id and records when the password was entered (by the application's
 * clock, like every other time auth compares it with), which becomes the
 * tokens' {@code auth_time}.
 */
final class PasswordLoginProvider implements AuthenticationProvider {

    private final PasswordLogin login;
    private final Clock clock;

    PasswordLoginProvider(PasswordLogin login, Clock clock) {
        this.login = login;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var details = (LoginDetails) authentication.getDetails();
        try {
            var user = login.check(
                            String.valueOf(authentication.getName()),
                            String.valueOf(authentication.getCredentials()),
                            details.getRemoteAddress(),
                            details.deviceCookie())
                    .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
            var result = UsernamePasswordAuthenticationToken.authenticated(
                    user.toString(),
                    null,
                    List.of(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                            .issuedAt(clock.instant())
                            .build()));
            result.setDetails(details.withoutCookie());
            return result;
        } catch (HashingBusy e) {
            throw new AuthenticationServiceException(e.getMessage(), e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
