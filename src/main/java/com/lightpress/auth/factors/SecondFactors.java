package com.lightpress.auth.factors;

import com.lightpress.auth.RecoveryCodeUsed;
import com.lightpress.auth.config.AuthSettings;
import com.lightpress.auth.credentials.RateLimits;
import com.lightpress.users.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's second factors: enrolling and removing an authenticator app, the recovery codes
 * that come with the account's first second factor of either kind, and proving one at a login
 * (passkeys, the other second factor, are {@link Passkeys}). Attempts are counted per account in
 * the shared rate-limit table (a right code starts the count afresh), so guessing is throttled
 * across every instance, like passwords.
 */
@Service
public class SecondFactors {

    /** The factor named in events and the export. */
    public static final String AUTHENTICATOR_APP = "authenticator-app";

    private final AuthenticatorApps apps;
    private final PasskeyRecords passkeys;
    private final RecoveryCodes recoveryCodes;
    private final FactorChanges changes;
    private final EnrolmentImages images;
    private final RateLimits limits;
    private final AuthSettings.Factors settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SecondFactors(
            AuthenticatorApps apps,
            PasskeyRecords passkeys,
            RecoveryCodes recoveryCodes,
            FactorChanges changes,
            EnrolmentImages images,
            RateLimits limits,
            AuthSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.apps = apps;
        this.passkeys = passkeys;
        this.recoveryCodes = recoveryCodes;
        this.changes = changes;
        this.images = images;
        this.limits = limits;
        this.settings = settings.factors();
        this.events = events;
        this.clock = clock;
    }

    /** Whether password logins of the account ask for a second factor: an app or a passkey. */
    public boolean isEnrolled(UserId user) {
        return changes.any(user);
    }

    public FactorStatus status(UserId user) {
        var app = apps.confirmedAt(user);
        var keys = passkeys.of(user).size();
        var any = app.isPresent() || keys > 0;
        return new FactorStatus(
                app.orElse(null),
                any ? recoveryCodes.remaining(user) : 0,
                any ? recoveryCodes.createdAt(user).orElse(null) : null,
                keys);
    }

    /**
     * A new authenticator-app secret for the account, as text and as a QR code; it counts only
     * once confirmed with a code.
     *
     * @throws AlreadyEnrolled when the account already has a confirmed app
     */
    public Enrolment startAuthenticatorApp(UserId user, String accountName) {
        var secret = apps.start(user).orElseThrow(AlreadyEnrolled::new);
        return images.enrolment(secret, accountName, settings.issuer());
    }

    /**
     * Confirms the app with its first code.
     *
     * @return ten recovery codes, shown only now, when the app is the account's first second
     *     factor; none when the account has a passkey (it keeps its codes)
     * @throws InvalidCode when the code is wrong or no enrolment is pending
     */
    @Transactional
    public List<String> confirmAuthenticatorApp(UserId user, String code) {
        if (!apps.confirm(user, code.strip())) {
            throw new InvalidCode();
        }
        return changes.added(user, AUTHENTICATOR_APP);
    }

    /** Removes the app, and the recovery codes if it was the account's last second factor. */
    @Transactional
    public void removeAuthenticatorApp(UserId user) {
        if (!apps.remove(user)) {
            throw new NotEnrolled("The account has no authenticator app.");
        }
        changes.removed(user, AUTHENTICATOR_APP);
    }

    /**
     * Ten new recovery codes in place of the old ones, for an account with any second factor.
     *
     * @throws NotEnrolled when the account has none
     */
    public List<String> regenerateRecoveryCodes(UserId user) {
        return changes.renewRecoveryCodes(user);
    }

    /**
     * Checks a code from the authenticator app, or a recovery code, at a login.
     *
     * @return which factor the code proved; empty when it is wrong or was used before
     * @throws SecondFactorThrottled after too many wrong codes for the account
     */
    @Transactional(noRollbackFor = SecondFactorThrottled.class)
    public Optional<Factor> prove(UserId user, String code) {
        var key = "factor-attempts:" + user.value();
        // counted before the check, under the counter's row lock until commit: attempts of one
        // account run one after another, so a burst cannot guess past the limit
        var window = limits.count(key, settings.maxFailures(), settings.failureWindow());
        if (!window.allowed()) {
            throw new SecondFactorThrottled(window.endsAt());
        }
        var given = code.strip();
        Optional<Factor> proved = Optional.empty();
        if (given.matches("\\d{6}") && apps.verify(user, given)) {
            proved = Optional.of(Factor.AUTHENTICATOR_APP);
        } else if (RecoveryCodes.looksLikeOne(given) && changes.any(user) && recoveryCodes.spend(user, given)) {
            events.publishEvent(RecoveryCodeUsed.of(user, recoveryCodes.remaining(user), clock.instant()));
            proved = Optional.of(Factor.RECOVERY_CODE);
        }
        if (proved.isPresent()) {
            limits.forget(key);
        }
        return proved;
    }

    /** The second factors a login can prove. */
    public enum Factor {
        AUTHENTICATOR_APP,
        RECOVERY_CODE
    }
}
