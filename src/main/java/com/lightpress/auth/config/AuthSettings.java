package com.lightpress.auth.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the auth module.
 *
 * @param keyEncryptionKey base64 of 32 random bytes; encrypts the token signing keys at rest
 * @param internalClientSecret the secret of the {@code lightpress-internal} client that services
 *     use for calls to each other; without it that client is not registered
 * @param webClient the first-party browser client {@code lightpress-web}
 * @param tokens lifetimes of the tokens auth issues
 * @param login throttling of password logins
 * @param requests limits on what one client address may ask for
 * @param session the login page's session, which lets a browser that logged in get new tokens
 *     without the password
 * @param signingKeyRotation how often a new signing key replaces the current one
 * @param passwordHashing Argon2id cost; tune it so one check takes 50 to 150 ms on the servers
 * @param factors second factors (authenticator apps, recovery codes) and when they are demanded
 * @param passkeys the WebAuthn relying party that passkeys are bound to
 */
@ConfigurationProperties("lightpress.auth")
public record AuthSettings(
        String keyEncryptionKey,
        @Nullable String internalClientSecret,
        @DefaultValue WebClient webClient,
        @DefaultValue Tokens tokens,
        @DefaultValue Login login,
        @DefaultValue Requests requests,
        @DefaultValue Session session,
        @DefaultValue("30d") Duration signingKeyRotation,
        @DefaultValue PasswordHashing passwordHashing,
        @DefaultValue Factors factors,
        @DefaultValue Passkeys passkeys) {

    /**
     * @param requiredForAdmins whether an ADMIN must have proved a second factor for the admin API
     *     (and the other step-up endpoints) even before enrolling one
     * @param maxFailures wrong second-factor codes for one account within the window after which
     *     every code is refused until the window ends
     * @param failureWindow the window of that limit
     * @param issuer the name authenticator apps show for Lightpress's entries
     */
    public record Factors(
            @DefaultValue("false") boolean requiredForAdmins,
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") Duration failureWindow,
            @DefaultValue("Lightpress") String issuer) {}

    /**
     * @param rpId the domain passkeys are bound to (WebAuthn's relying party id); none means the
     *     host of the public URL. It must be a registrable domain or {@code localhost}: browsers
     *     refuse an IP address, so a public URL such as {@code http://127.0.0.1:8080} offers no
     *     passkeys
     * @param rpName the name browsers show for Lightpress when a passkey is made
     * @param allowedOrigins the origins a ceremony may come from; none means the public URL's
     * @param registrationTimeout how long the browser has to answer a registration's options
     */
    public record Passkeys(
            @Nullable String rpId,
            @DefaultValue("Lightpress") String rpName,
            @DefaultValue List<String> allowedOrigins,
            @DefaultValue("5m") Duration registrationTimeout) {

        public String rpIdFor(URI publicUrl) {
            return rpId == null || rpId.isBlank() ? publicUrl.getHost() : rpId;
        }

        public Set<String> originsFor(URI publicUrl) {
            if (!allowedOrigins.isEmpty()) {
                return Set.copyOf(allowedOrigins);
            }
            var port = publicUrl.getPort() == -1 ? "" : ":" + publicUrl.getPort();
            return Set.of(publicUrl.getScheme() + "://" + publicUrl.getHost() + port);
        }
    }

    /**
     * @param redirectUris where the authorization endpoint may send the browser back to; none
     *     configured means the client Lightpress serves itself, {@code <public-url>/app/}
     * @param postLogoutRedirectUris where RP-initiated logout may send it; the same default
     */
    public record WebClient(
            @DefaultValue List<String> redirectUris,
            @DefaultValue List<String> postLogoutRedirectUris) {}

    /**
     * @param accessToken lifetime of access tokens
     * @param refreshIdle a refresh token unused for this long expires
     * @param refreshAbsolute no refresh token outlives its login by more than this
     * @param refreshReuseGrace a refresh token presented again within this time after its first use
     *     gets the same fresh tokens (two tabs refreshing at once); later, its whole family is revoked
     * @param verification lifetime of an email verification token
     * @param passwordReset lifetime of a password reset token
     * @param verificationResendInterval the least time between two verification emails
     * @param passwordResetInterval the least time between two reset emails to one account; a
     *     request sooner is answered like any other and sends nothing
     */
    public record Tokens(
            @DefaultValue("10m") Duration accessToken,
            @DefaultValue("7d") Duration refreshIdle,
            @DefaultValue("30d") Duration refreshAbsolute,
            @DefaultValue("10s") Duration refreshReuseGrace,
            @DefaultValue("24h") Duration verification,
            @DefaultValue("30m") Duration passwordReset,
            @DefaultValue("1m") Duration verificationResendInterval,
            @DefaultValue("5m") Duration passwordResetInterval) {}

    /**
     * @param memoryKib memory per hash in KiB
     * @param iterations passes over that memory
     * @param parallelism lanes
     * @param maxConcurrent how many hashes may run at once; 0 means one per processor
     * @param maxWait how long a request waits for its turn before it is answered 503
     */
    public record PasswordHashing(
            @DefaultValue("19456") int memoryKib,
            @DefaultValue("2") int iterations,
            @DefaultValue("1") int parallelism,
            @DefaultValue("0") int maxConcurrent,
            @DefaultValue("1s") Duration maxWait) {}

    /**
     * @param maxFailures failed logins in a row from browsers the account has not logged in from
     *     that lock the account for such browsers
     * @param firstLock how long the first lock lasts; each further lock doubles it
     * @param longestLock the longest a lock lasts
     * @param alertInterval the least time between two emails about a lock
     * @param addressMaxFailures failed logins from one client address within the window after which
     *     that address is refused
     * @param addressWindow the window for the address limit
     * @param addressAttemptsPerMinute logins, right or wrong, one client address may try per minute;
     *     every attempt costs a password hash
     * @param deviceMaxFailures failed logins with one trusted-device cookie after which the cookie is
     *     no longer trusted
     * @param devicesPerAccount how many browsers an account trusts at most (the oldest is forgotten)
     * @param deviceLifetime how long a browser stays trusted after its last login
     */
    public record Login(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("1m") Duration firstLock,
            @DefaultValue("15m") Duration longestLock,
            @DefaultValue("1h") Duration alertInterval,
            @DefaultValue("50") int addressMaxFailures,
            @DefaultValue("15m") Duration addressWindow,
            @DefaultValue("120") int addressAttemptsPerMinute,
            @DefaultValue("5") int deviceMaxFailures,
            @DefaultValue("10") int devicesPerAccount,
            @DefaultValue("180d") Duration deviceLifetime) {}

    /**
     * @param idleTimeout a login session unused for this long ends
     * @param absoluteTimeout no login session outlives its login by more than this
     */
    public record Session(
            @DefaultValue("30m") Duration idleTimeout,
            @DefaultValue("10h") Duration absoluteTimeout) {}

    /**
     * @param signUpsPerAddress sign-ups one client address may make within the window
     * @param passwordResetsPerAddress reset requests one client address may make within the window
     * @param window the window of both limits
     */
    public record Requests(
            @DefaultValue("20") int signUpsPerAddress,
            @DefaultValue("20") int passwordResetsPerAddress,
            @DefaultValue("1h") Duration window) {}
}
