package com.lightpress.auth.credentials;

import com.lightpress.auth.config.AuthSettings;
import com.lightpress.users.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks an email and password on the login page. Every refusal looks the same and, unless the
 * client address is blocked, takes as long (a hash is always computed, of a dummy for an unknown
 * email); a locked, disabled or unknown account is indistinguishable from a wrong password. The
 * hash runs after the address check and outside any transaction; the outcome is then recorded
 * under a row lock, so concurrent attempts on one account count correctly.
 */
@Component
public class PasswordLogin {

    /** A hash of a random password, checked when the account is unknown so timing tells nothing. */
    private final String absentAccountHash;

    private final CredentialRepository credentials;
    private final TrustedDevices devices;
    private final RateLimits limits;
    private final PasswordHashing hashing;
    private final TransactionTemplate transactions;
    private final AuthSettings.Login settings;
    private final Clock clock;

    PasswordLogin(
            CredentialRepository credentials,
            TrustedDevices devices,
            RateLimits limits,
            PasswordHashing hashing,
            TransactionTemplate transactions,
            AuthSettings settings,
            Clock clock) {
        this.credentials = credentials;
        this.devices = devices;
        this.limits = limits;
        this.hashing = hashing;
        this.transactions = transactions;
        this.settings = settings.login();
        this.clock = clock;
        this.absentAccountHash = hashing.hash(SecretTokens.generate());
    }

    /**
     * Whether the password is right for the email and the account may log in now.
     *
     * @param address the client address the attempt came from
     * @param deviceCookie the trusted-device cookie the browser sent, if any
     * @return the user id on success, empty on any refusal
     * @throws HashingBusy when no hashing slot became free in time
     */
    public Optional<UserId> check(String email, String password, String address, @Nullable String deviceCookie) {
        var attempts =
                limits.count("login-attempts:" + address, settings.addressAttemptsPerMinute(), Duration.ofMinutes(1));
        if (!attempts.allowed()) {
            return Optional.empty();
        }
        var normalized = SignUp.normalize(email);
        var credential = credentials.findByEmail(normalized);
        var device = credential.flatMap(it -> devices.deviceOf(deviceCookie, it.id()));
        if (device.isEmpty()
                && limits.exhausted(addressKey(address), settings.addressMaxFailures(), settings.addressWindow())) {
            return Optional.empty();
        }
        var hash = credential.map(Credential::passwordHash).orElse(absentAccountHash);
        var matches = hashing.matches(password, hash);
        var upgraded = matches && hashing.isOutdated(hash) ? hashing.hash(password) : null;
        var checked = credential.map(it -> new Checked(it.id(), hash, matches));
        return Optional.ofNullable(transactions.execute(status -> settle(checked, device, upgraded, address)));
    }

    /**
     * Records the outcome under the credential's row lock. A password that matched counts only if
     * the hash it matched is still the credential's: a reset that committed meanwhile wins.
     */
    private @Nullable UserId settle(
            Optional<Checked> checked, Optional<UUID> device, @Nullable String upgraded, String address) {
        var now = clock.instant();
        var credential = checked.flatMap(it -> credentials.findForUpdateById(it.id()));
        var matches = checked.isPresent()
                && checked.get().matches()
                && credential.isPresent()
                && credential.get().passwordHash().equals(checked.get().hash());
        var trusted = device.filter(devices::isStillTrusted).isPresent();
        if (credential.isPresent() && matches && credential.get().mayLogIn(trusted, now)) {
            var known = credential.get();
            var changed = upgraded != null;
            if (upgraded != null) {
                known.rehash(upgraded);
            }
            if (!trusted) {
                changed |= known.recordSuccessfulLogin();
            }
            if (changed) {
                credentials.save(known);
            }
            device.ifPresent(devices::recordSuccess);
            return known.id();
        }
        if (trusted) {
            device.ifPresent(devices::recordFailure);
        } else {
            limits.count(addressKey(address), settings.addressMaxFailures(), settings.addressWindow());
            credential.filter(it -> !matches && it.mayLogIn(false, now)).ifPresent(it -> {
                it.recordFailedLogin(settings, now);
                credentials.save(it);
            });
        }
        return null;
    }

    /** The credential a password was checked against, with the hash it was checked against. */
    private record Checked(UserId id, String hash, boolean matches) {}

    private static String addressKey(String address) {
        return "login-failures:" + address;
    }
}
