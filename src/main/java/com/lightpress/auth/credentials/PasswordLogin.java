package com.lightpress.auth.credentials;

import com.lightpress.users.UserId;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks an email and password on the login page. Every refusal looks the same, takes about as
 * long (a password hash is always computed) and counts against the account and the client
 * address; a locked, disabled or unknown account is indistinguishable from a wrong password.
 */
@Component
public class PasswordLogin {

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

    /**
     * Whether the password is right for the email and the account may log in now.
     *
     * @param address the client address the attempt came from
     * @return the user id on success, empty on any refusal
     */
    public Optional<UserId> check(String email, String password, String address) {
        var normalized = SignUp.normalize(email);
        return Optional.ofNullable(transactions.execute(status -> attempt(normalized, password, address)));
    }

    /** @return the user id when the login succeeds, otherwise null, with the failure recorded */
    private @Nullable UserId attempt(String email, String password, String address) {
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
        return known.id();
    }
}
