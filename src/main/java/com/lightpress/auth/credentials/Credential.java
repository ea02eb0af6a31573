package com.lightpress.auth.credentials;

import com.lightpress.auth.EmailVerificationRequested;
import com.lightpress.auth.EmailVerified;
import com.lightpress.auth.LoginLocked;
import com.lightpress.auth.PasswordChanged;
import com.lightpress.auth.PasswordResetRequested;
import com.lightpress.auth.UserSignedUp;
import com.lightpress.auth.config.AuthSettings;
import com.lightpress.auth.credentials.OneTimeToken.Purpose;
import com.lightpress.users.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What a user proves their identity with: a normalized email and a password hash, with the
 * single-use tokens sent to that email and the state of login throttling.
 */
@Table(schema = "auth", name = "credentials")
class Credential extends AbstractAggregateRoot<Credential> {

    /** Tokens that ended more than this long ago are dropped. */
    private static final Duration TOKEN_HISTORY = Duration.ofDays(2);

    @Id
    private final UserId id;

    private final String email;
    private String passwordHash;
    private boolean emailVerified;
    private int failedLogins;
    private int lockouts;
    private @Nullable Instant lockedUntil;
    private @Nullable Instant lockAlertedAt;
    private boolean disabled;
    private @Nullable Instant passwordChangedAt;
    private final Instant createdAt;

    @MappedCollection(idColumn = "credential_id")
    private Set<OneTimeToken> tokens;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Credential(
            UserId id,
            String email,
            String passwordHash,
            boolean emailVerified,
            int failedLogins,
            int lockouts,
            @Nullable Instant lockedUntil,
            @Nullable Instant lockAlertedAt,
            boolean disabled,
            @Nullable Instant passwordChangedAt,
            Instant createdAt,
            Set<OneTimeToken> tokens,
            @Nullable Long version) {
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.emailVerified = emailVerified;
        this.failedLogins = failedLogins;
        this.lockouts = lockouts;
        this.lockedUntil = lockedUntil;
        this.lockAlertedAt = lockAlertedAt;
        this.disabled = disabled;
        this.passwordChangedAt = passwordChangedAt;
        this.createdAt = createdAt;
        this.tokens = new HashSet<>(tokens);
        this.version = version;
    }

    static Credential signUp(UserId id, String email, String passwordHash, Duration verificationTtl, Instant now) {
        var credential =
                new Credential(id, email, passwordHash, false, 0, 0, null, null, false, now, now, Set.of(), null);
        var token = credential.issue(Purpose.VERIFY_EMAIL, verificationTtl, now);
        credential.registerEvent(UserSignedUp.of(id, token, now.plus(verificationTtl)));
        return credential;
    }

    UserId id() {
        return id;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean emailVerified() {
        return emailVerified;
    }

    LoginIdentity identity() {
        return new LoginIdentity(id, email, emailVerified, disabled, passwordChangedAt);
    }

    /**
     * A disabled credential never logs in. A locked one does not from a browser it has not logged
     * in from before; a trusted browser passes the lock, so guessing cannot keep the owner out.
     */
    boolean mayLogIn(boolean trustedDevice, Instant now) {
        return !disabled && (trustedDevice || lockedUntil == null || !now.isBefore(lockedUntil));
    }

    /**
     * Counts a wrong password from an untrusted browser. The n-th failure in a row, n being the
     * configured maximum, locks the credential for such browsers; each lock in a row lasts twice as
     * long as the one before, up to the longest. The owner is told, but at most once per alert
     * interval, so a stranger's guessing cannot flood their mailbox.
     */
    void recordFailedLogin(AuthSettings.Login limits, Instant now) {
        failedLogins++;
        if (failedLogins < limits.maxFailures()) {
            return;
        }
        var lock = limits.firstLock().multipliedBy(1L << Math.min(lockouts, 20));
        lockedUntil = now.plus(lock.compareTo(limits.longestLock()) > 0 ? limits.longestLock() : lock);
        lockouts++;
        failedLogins = 0;
        if (lockAlertedAt == null || !now.isBefore(lockAlertedAt.plus(limits.alertInterval()))) {
            lockAlertedAt = now;
            registerEvent(LoginLocked.of(id, lockedUntil));
        }
    }

    /** Clears the count of failures in a row and any lock; says whether there was anything to clear. */
    boolean recordSuccessfulLogin() {
        var changed = failedLogins != 0 || lockouts != 0 || lockedUntil != null;
        failedLogins = 0;
        lockouts = 0;
        lockedUntil = null;
        return changed;
    }

    /** Replaces the hash with a stronger encoding of the same password. */
    void rehash(String upgradedHash) {
        passwordHash = upgradedHash;
    }

    void requestEmailVerification(Duration ttl, Duration resendInterval, Instant now) {
        if (emailVerified) {
            return;
        }
        var last = tokens.stream()
                .filter(token -> token.purpose() == Purpose.VERIFY_EMAIL)
                .map(OneTimeToken::createdAt)
                .max(Instant::compareTo);
        if (last.isPresent() && last.get().plus(resendInterval).isAfter(now)) {
            throw new VerificationRequestedTooSoon(last.get().plus(resendInterval));
        }
        var token = issue(Purpose.VERIFY_EMAIL, ttl, now);
        registerEvent(EmailVerificationRequested.of(id, token, now.plus(ttl)));
    }

    void verifyEmail(String tokenHash, Instant now) {
        use(tokenHash, Purpose.VERIFY_EMAIL, now);
        if (!emailVerified) {
            emailVerified = true;
            registerEvent(EmailVerified.of(id));
        }
    }

    /**
     * Sends a new reset token, which replaces every earlier one; asked again within the interval it
     * sends nothing, so nobody can flood the owner's mailbox through the reset form.
     */
    void requestPasswordReset(Duration ttl, Duration interval, Instant now) {
        var recent = tokens.stream()
                .anyMatch(token -> token.purpose() == Purpose.RESET_PASSWORD
                        && now.isBefore(token.createdAt().plus(interval)));
        if (recent) {
            return;
        }
        tokens.removeIf(token -> token.purpose() == Purpose.RESET_PASSWORD && token.usedAt() == null);
        var token = issue(Purpose.RESET_PASSWORD, ttl, now);
        registerEvent(PasswordResetRequested.of(id, token, now.plus(ttl)));
    }

    /** Sets a new password with a reset token; proving access to the mailbox also verifies it. */
    void resetPassword(String tokenHash, String newPasswordHash, Instant now) {
        use(tokenHash, Purpose.RESET_PASSWORD, now);
        emailVerified = true;
        recordSuccessfulLogin();
        changePassword(newPasswordHash, now);
    }

    void changePassword(String newPasswordHash, Instant now) {
        passwordHash = newPasswordHash;
        passwordChangedAt = now;
        registerEvent(PasswordChanged.of(id, now));
    }

    void disable() {
        disabled = true;
    }

    void enable() {
        disabled = false;
    }

    static Optional<String> hashOf(@Nullable String token) {
        return Optional.ofNullable(token).filter(it -> !it.isBlank()).map(SecretTokens::hash);
    }

    private String issue(Purpose purpose, Duration ttl, Instant now) {
        tokens.removeIf(token -> token.expiresAt().plus(TOKEN_HISTORY).isBefore(now));
        var token = SecretTokens.generate();
        tokens.add(new OneTimeToken(SecretTokens.hash(token), purpose, now, now.plus(ttl), null));
        return token;
    }

    private void use(String tokenHash, Purpose purpose, Instant now) {
        var token = tokens.stream()
                .filter(it -> it.tokenHash().equals(tokenHash) && it.isUsable(purpose, now))
                .findFirst()
                .orElseThrow(InvalidToken::new);
        tokens.remove(token);
        tokens.add(token.usedAt(now));
    }
}
