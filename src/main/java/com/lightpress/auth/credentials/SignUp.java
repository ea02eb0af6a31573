package com.lightpress.auth.credentials;

import com.lightpress.auth.SignUpAttemptedOnExistingAccount;
import com.lightpress.auth.config.AuthSettings;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs a new user up: stores the credential and registers the account in users in one
 * transaction, so there is never half an account. An address that is already registered gets the
 * same answer after the same hashing, and its owner is told by email instead (at most once per
 * quarter hour). The password is hashed after the client address's sign-up limit and before the
 * transaction, so no database connection waits for a hash.
 */
@Service
public class SignUp {

    private static final Duration NOTICE_INTERVAL = Duration.ofMinutes(15);
    private static final String UNIQUE_VIOLATION = "23505";

    private final CredentialRepository credentials;
    private final UserAccounts accounts;
    private final PasswordHashing hashing;
    private final PasswordPolicy policy;
    private final RateLimits limits;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final AuthSettings settings;
    private final AuthMeters meters;
    private final Clock clock;

    SignUp(
            CredentialRepository credentials,
            UserAccounts accounts,
            PasswordHashing hashing,
            PasswordPolicy policy,
            RateLimits limits,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            AuthSettings settings,
            AuthMeters meters,
            Clock clock) {
        this.credentials = credentials;
        this.accounts = accounts;
        this.hashing = hashing;
        this.policy = policy;
        this.limits = limits;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * @param address the client address the sign-up came from
     * @throws TooManyRequests when that address signed up too often
     * @throws HashingBusy when no hashing slot became free in time
     */
    public void signUp(String email, String password, String displayName, String address) {
        var requests = settings.requests();
        var window = limits.count("sign-ups:" + address, requests.signUpsPerAddress(), requests.window());
        if (!window.allowed()) {
            throw new TooManyRequests(window.endsAt());
        }
        var normalized = normalize(email);
        policy.check("password", password, normalized, displayName);
        var hash = hashing.hash(password);
        try {
            var registered = transactions.execute(status -> register(normalized, hash, displayName.trim()));
            meters.signUp(Boolean.TRUE.equals(registered));
        } catch (DataAccessException e) {
            if (!(NestedExceptionUtils.getMostSpecificCause(e) instanceof SQLException sql
                    && UNIQUE_VIOLATION.equals(sql.getSQLState()))) {
                throw e;
            }
            // another request signed this address up a moment ago: the same answer as for any address
            meters.signUp(false);
        }
    }

    /** @return whether the address was new */
    private boolean register(String email, String hash, String displayName) {
        var existing = credentials.findByEmail(email);
        if (existing.isPresent()) {
            var owner = existing.get().id();
            if (limits.count("sign-up-notices:" + owner, 1, NOTICE_INTERVAL).allowed()) {
                events.publishEvent(SignUpAttemptedOnExistingAccount.of(owner));
            }
            return false;
        }
        var id = new UserId(UUID.randomUUID());
        credentials.save(Credential.signUp(id, email, hash, settings.tokens().verification(), clock.instant()));
        accounts.register(id, email, displayName);
        return true;
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
