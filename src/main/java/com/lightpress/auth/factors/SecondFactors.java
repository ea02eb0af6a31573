package com.lightpress.auth.factors;

import com.lightpress.auth.RecoveryCodeUsed;
import com.lightpress.auth.SecondFactorAdded;
import com.lightpress.auth.SecondFactorRemoved;
import com.lightpress.auth.credentials.AuthSettings;
import com.lightpress.auth.credentials.RateLimits;
import com.lightpress.users.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's second factors: enrolling and removing an authenticator app, its recovery codes,
 * and proving one at a login (passkeys, the other second factor, are {@link Passkeys}). Attempts are counted per account in the shared rate-limit table
 * (a right code starts the count afresh), so guessing is throttled across every instance, like
 * passwords.
 */
@Service
public class SecondFactors {

    /** The factor named in events and the export. */
    public static final String AUTHENTICATOR_APP = "authenticator-app";

    private final AuthenticatorApps apps;
    private final PasskeyRecords passkeys;
    private final RecoveryCodes recoveryCodes;
    private final EnrolmentImages images;
    private final RateLimits limits;
    private final AuthSettings.Factors settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SecondFactors(
            AuthenticatorApps apps,
            PasskeyRecords passkeys,
            RecoveryCodes recoveryCodes,
            EnrolmentImages images,
            RateLimits limits,
            AuthSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.apps = apps;
        this.passkeys = passkeys;
        this.recoveryCodes = recoveryCodes;
        this.images = images;
        this.limits = limits;
        this.settings = settings.factors();
        this.events = events;
        this.clock = clock;
    }

    /** Whether password logins of the account ask for a second factor: an app or a passkey. */
    public boolean isEnrolled(UserId user) {
        return apps.isConfirmed(user) || passkeys.any(user);
    }

    public FactorStatus status(UserId user) {
        var app = apps.confirmedAt(user);
        return new FactorStatus(
                app.orElse(null),
                app.isPresent() ? recoveryCodes.remaining(user) : 0,
                app.flatMap(it -> recoveryCodes.createdAt(user)).orElse(null),
                passkeys.of(user).size());
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
     * Confirms the app with its first code and hands out ten recovery codes, shown only now.
     *
     * @throws InvalidCode when the code is wrong or no enrolment is pending
     */
    @Transactional
    public List<String> confirmAuthenticatorApp(UserId user, String code) {
        if (!apps.confirm(user, code.strip())) {
            throw new InvalidCode();
        }
        events.publishEvent(SecondFactorAdded.of(user, AUTHENTICATOR_APP, clock.instant()));
        return recoveryCodes.regenerate(user);
    }

    /** Removes the app and the recovery codes that went with it. */
    @Transactional
    public void removeAuthenticatorApp(UserId user) {
        if (!apps.remove(user)) {
            throw new NotEnrolled();
        }
        recoveryCodes.removeAll(user);
        events.publishEvent(SecondFactorRemoved.of(user, AUTHENTICATOR_APP, clock.instant()));
    }

    /** Ten new recovery codes in place of the old ones. */
    @Transactional
    public List<String> regenerateRecoveryCodes(UserId user) {
        if (!apps.isConfirmed(user)) {
            throw new NotEnrolled();
        }
        return recoveryCodes.regenerate(user);
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
        } else if (RecoveryCodes.looksLikeOne(given) && apps.isConfirmed(user) && recoveryCodes.spend(user, given)) {
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
