package com.lightpress.auth.factors;

import com.lightpress.auth.SecondFactorAdded;
import com.lightpress.auth.SecondFactorRemoved;
import com.lightpress.users.UserId;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every change of an account's second factors does, whichever its kind (an authenticator app
 * or a passkey): it is announced, and the recovery codes follow, because they belong to the
 * account having a second factor, not to one kind of factor: ten come with the first factor, and
 * they go with the last. Changes of one account take turns (a transaction-scoped advisory lock,
 * on every instance), so an app and a passkey added at once hand out one set of codes, and codes
 * renewed while the last factor goes do not outlive it.
 */
@Component
class FactorChanges {

    private final AuthenticatorApps apps;
    private final PasskeyRecords passkeys;
    private final RecoveryCodes recoveryCodes;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FactorChanges(
            AuthenticatorApps apps,
            PasskeyRecords passkeys,
            RecoveryCodes recoveryCodes,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.apps = apps;
        this.passkeys = passkeys;
        this.recoveryCodes = recoveryCodes;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the account has a second factor: a confirmed app or a passkey. */
    boolean any(UserId user) {
        return apps.isConfirmed(user) || passkeys.any(user);
    }

    /**
     * Announces a factor the caller's transaction has just added.
     *
     * @return ten new recovery codes when it is the account's first second factor (shown once,
     *     never stored), otherwise none: the account keeps the codes it has
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<String> added(UserId user, String factor) {
        takeTurn(user);
        events.publishEvent(SecondFactorAdded.of(user, factor, clock.instant()));
        return count(user) == 1 ? recoveryCodes.regenerate(user) : List.of();
    }

    /** Announces a factor the caller's transaction has just removed; the last one takes the codes along. */
    @Transactional(propagation = Propagation.MANDATORY)
    void removed(UserId user, String factor) {
        takeTurn(user);
        events.publishEvent(SecondFactorRemoved.of(user, factor, clock.instant()));
        if (!any(user)) {
            recoveryCodes.removeAll(user);
        }
    }

    /**
     * Ten new recovery codes in place of the old ones.
     *
     * @throws NotEnrolled when the account has no second factor
     */
    @Transactional
    List<String> renewRecoveryCodes(UserId user) {
        takeTurn(user);
        if (!any(user)) {
            throw new NotEnrolled("The account has no second factor.");
        }
        return recoveryCodes.regenerate(user);
    }

    private int count(UserId user) {
        return (apps.isConfirmed(user) ? 1 : 0) + passkeys.of(user).size();
    }

    private void takeTurn(UserId user) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", "auth.factors:" + user.value());
    }
}
