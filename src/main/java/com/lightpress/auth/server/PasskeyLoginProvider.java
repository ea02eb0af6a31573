package com.lightpress.auth.server;

import com.lightpress.auth.credentials.CredentialManagement;
import com.lightpress.auth.credentials.LoginIdentity;
import com.lightpress.auth.factors.FactorAuthorities;
import com.lightpress.auth.factors.Passkeys;
import java.time.Clock;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;

/**
 * Signs in with a passkey: the account whose passkey signed the session's challenge, unless it is
 * disabled. The result has the same shape as a password login (the account id as name, a factor
 * authority with its time), so the session, the kept authorization and the token claims treat
 * both alike; Spring Security's filter adds it to a password login of the same account, which
 * makes the passkey that login's second factor.
 */
final class PasskeyLoginProvider implements AuthenticationProvider {

    private final Passkeys passkeys;
    private final CredentialManagement credentials;
    private final Clock clock;

    PasskeyLoginProvider(Passkeys passkeys, CredentialManagement credentials, Clock clock) {
        this.passkeys = passkeys;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var request = ((WebAuthnAuthenticationRequestToken) authentication).getWebAuthnRequest();
        var user = passkeys.signIn(request)
                .filter(id -> credentials.find(id).filter(this::mayLogIn).isPresent())
                .orElseThrow(() -> new BadCredentialsException("The passkey was not accepted"));
        return UsernamePasswordAuthenticationToken.authenticated(
                user.toString(),
                null,
                List.of(FactorGrantedAuthority.withAuthority(FactorAuthorities.PASSKEY)
                        .issuedAt(clock.instant())
                        .build()));
    }

    private boolean mayLogIn(LoginIdentity identity) {
        return !identity.disabled();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }
}
