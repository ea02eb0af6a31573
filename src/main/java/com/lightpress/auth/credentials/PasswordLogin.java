package com.lightpress.auth.credentials;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks an email and password on the login page. Every refusal looks the same, takes about as
 * long (a password hash is always computed) and counts against the account and the client
 * address; a locked, disabled or unknown account is indistinguishable from a wrong password.
 */
@Component
public class PasswordLogin implements AuthenticationProvider {

    /** A hash of a random password, checked when the account is unknown so timing tells nothing. */
    private final String absentAccountHash;

    private final CredentialRepository credentials;
    private final AddressThrottle addresses;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final AuthSettings.Login settings;
    private final Clock clock;

    PasswordLogin(
            CredentialRepository credentials,
            AddressThrottle addresses,
            PasswordEncoder passwords,
            TransactionTemplate transactions,
            AuthSettings settings,
            Clock clock) {
        this.credentials = credentials;
        this.addresses = addresses;
        this.passwords = passwords;
        this.transactions = transactions;
        this.settings = settings.login();
        this.clock = clock;
        this.absentAccountHash = passwords.encode(SecretTokens.generate());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var email = String.valueOf(authentication.getName()).trim().toLowerCase(Locale.ROOT);
        var password = String.valueOf(authentication.getCredentials());
        var address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "unknown";
        var userId = transactions.execute(status -> check(email, password, address));
        if (userId == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        var result = UsernamePasswordAuthenticationToken.authenticated(
                userId, null, List.of(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** @return the user id when the login succeeds, otherwise null, with the failure recorded */
    private String check(String email, String password, String address) {
        var credential = credentials.findByEmail(email);
        var matches = passwords.matches(
                password, credential.map(Credential::passwordHash).orElse(absentAccountHash));
        var now = clock.instant();
        if (addresses.isBlocked(address)
                || credential.isEmpty()
                || !credential.get().canLogIn(now)
                || !matches) {
            addresses.recordFailure(address);
            credential.filter(it -> it.canLogIn(now) && !matches).ifPresent(it -> {
                it.recordFailedLogin(settings.maxFailures(), settings.firstLock(), settings.longestLock(), now);
                credentials.save(it);
            });
            return null;
        }
        var known = credential.get();
        known.recordSuccessfulLogin();
        if (passwords.upgradeEncoding(known.passwordHash())) {
            known.rehash(passwords.encode(password));
        }
        credentials.save(known);
        return known.id().toString();
    }
}
