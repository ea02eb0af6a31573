package com.lightpress.auth.credentials;

import com.lightpress.auth.config.AuthSettings;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything a user does with their credential after signing up: verifying the email, resetting
 * or changing the password. A new password signs every session out. Passwords are hashed before
 * a transaction starts; changes read the credential with a row lock.
 */
@Service
public class CredentialManagement {

    /** Password changes one user may attempt, right or wrong, in the window: each costs two hashes. */
    private static final int CHANGES = 5;

    private static final Duration CHANGE_WINDOW = Duration.ofMinutes(15);

    private final CredentialRepository credentials;
    private final UserAccounts accounts;
    private final PasswordHashing hashing;
    private final PasswordPolicy policy;
    private final Authorizations authorizations;
    private final RateLimits limits;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final AuthSettings settings;
    private final Clock clock;

    CredentialManagement(
            CredentialRepository credentials,
            UserAccounts accounts,
            PasswordHashing hashing,
            PasswordPolicy policy,
            Authorizations authorizations,
            RateLimits limits,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            AuthSettings settings,
            Clock clock) {
        this.credentials = credentials;
        this.accounts = accounts;
        this.hashing = hashing;
        this.policy = policy;
        this.authorizations = authorizations;
        this.limits = limits;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Proves the owner reads mail at the address; users learns of it (it may make them ADMIN). */
    public void verifyEmail(String token) {
        transactions.executeWithoutResult(status -> {
            var credential = lockedByToken(token);
            credential.verifyEmail(SecretTokens.hash(token), clock.instant());
            credentials.save(credential);
            accounts.confirmEmail(credential.id());
        });
    }

    public void resendVerification(UserId user) {
        transactions.executeWithoutResult(status -> credentials
                .findForUpdateById(user)
                .ifPresent(credential -> {
                    var tokens = settings.tokens();
                    credential.requestEmailVerification(
                            tokens.verification(), tokens.verificationResendInterval(), clock.instant());
                    credentials.save(credential);
                }));
    }

    /**
     * Records that a reset was asked for, and nothing else, so the answer does not depend on
     * whether the address is registered; {@link #on(PasswordResetAsked)} sends the token.
     *
     * @throws TooManyRequests when the client address asked too often
     */
    public void requestPasswordReset(String email, String address) {
        var requests = settings.requests();
        var window = limits.count("password-resets:" + address, requests.passwordResetsPerAddress(), requests.window());
        if (!window.allowed()) {
            throw new TooManyRequests(window.endsAt());
        }
        transactions.executeWithoutResult(
                status -> events.publishEvent(new PasswordResetAsked(SignUp.normalize(email))));
    }

    /** Sends a reset token if the address is registered and none was sent moments ago. */
    @ApplicationModuleListener
    void on(PasswordResetAsked asked) {
        var tokens = settings.tokens();
        credentials.findForUpdateByEmail(asked.email()).ifPresent(credential -> {
            credential.requestPasswordReset(tokens.passwordReset(), tokens.passwordResetInterval(), clock.instant());
            credentials.save(credential);
        });
    }

    public void resetPassword(String token, String newPassword) {
        var credential = byToken(token, credentials::findById);
        policy.check("newPassword", newPassword, credential.email());
        var hash = hashing.hash(newPassword);
        transactions.executeWithoutResult(status -> {
            var locked = lockedByToken(token);
            locked.resetPassword(SecretTokens.hash(token), hash, clock.instant());
            credentials.save(locked);
            authorizations.revokeAll(locked.id());
            accounts.confirmEmail(locked.id());
        });
    }

    /**
     * Sets a new password if the current one is right. Attempts are counted before any hashing,
     * so a burst cannot guess past the limit; the change applies only if the password checked is
     * still the account's when the row is locked.
     *
     * @throws TooManyRequests after several attempts in a short time
     */
    public void changePassword(UserId user, String currentPassword, String newPassword) {
        var window = limits.count("password-changes:" + user, CHANGES, CHANGE_WINDOW);
        if (!window.allowed()) {
            throw new TooManyRequests(window.endsAt());
        }
        var credential = credentials.findById(user).orElseThrow(WrongPassword::new);
        var checked = credential.passwordHash();
        if (!hashing.matches(currentPassword, checked)) {
            throw new WrongPassword();
        }
        policy.check("newPassword", newPassword, credential.email());
        var hash = hashing.hash(newPassword);
        transactions.executeWithoutResult(status -> {
            var locked = credentials
                    .findForUpdateById(user)
                    .filter(it -> it.passwordHash().equals(checked))
                    .orElseThrow(WrongPassword::new);
            locked.changePassword(hash, clock.instant());
            credentials.save(locked);
            authorizations.revokeAll(user);
        });
    }

    @Transactional(readOnly = true)
    public Optional<LoginIdentity> find(UserId user) {
        return credentials.findById(user).map(Credential::identity);
    }

    private Credential byToken(String token, Function<UserId, Optional<Credential>> load) {
        return Credential.hashOf(token)
                .flatMap(credentials::findIdByTokenHash)
                .flatMap(id -> load.apply(new UserId(id)))
                .orElseThrow(InvalidToken::new);
    }

    private Credential lockedByToken(String token) {
        return byToken(token, credentials::findForUpdateById);
    }
}
