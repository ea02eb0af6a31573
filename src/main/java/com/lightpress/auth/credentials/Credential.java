package com.lightpress.auth.credentials;

import com.lightpress.auth.EmailVerificationRequested;
import com.lightpress.auth.EmailVerified;
import com.lightpress.auth.LoginLocked;
import com.lightpress.auth.PasswordChanged;
import com.lightpress.auth.PasswordResetRequested;
import com.lightpress.auth.UserSignedUp;
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
        this.disabled = disabled;
        this.passwordChangedAt = passwordChangedAt;
        this.createdAt = createdAt;
        this.tokens = new HashSet<>(tokens);
        this.version = version;
    }

    static Credential signUp(UserId id, String email, String passwordHash, Duration verificationTtl, Instant now) {
        var credential = new Credential(id, email, passwordHash, false, 0, 0, null, false, now, now, Set.of(), null);
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

    /** A locked or disabled credential cannot log in, whatever password is given. */
    boolean canLogIn(Instant now) {
        return !disabled && (lockedUntil == null || !now.isBefore(lockedUntil));
    }

    /**
     * Counts a wrong password. The n-th failure in a row, n being the configured maximum, locks the
     * credential; each lock in a row lasts twice as long as the one before, up to the longest.
     *
     * @return whether this failure locked the credential
     */
    boolean recordFailedLogin(int maxFailures, Duration firstLock, Duration longestLock, Instant now) {
        failedLogins++;
        if (failedLogins < maxFailures) {
            return false;
        }
        var lock = firstLock.multipliedBy(1L << Math.min(lockouts, 20));
        lockedUntil = now.plus(lock.compareTo(longestLock) > 0 ? longestLock : lock);
        lockouts++;
        failedLogins = 0;
        registerEvent(LoginLocked.of(id, lockedUntil));
        return true;
    }

    void recordSuccessfulLogin() {
        failedLogins = 0;
        lockouts = 0;
        lockedUntil = null;
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

    void requestPasswordReset(Duration ttl, Instant now) {
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
