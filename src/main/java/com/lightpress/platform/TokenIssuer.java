package com.lightpress.platform;

import org.jspecify.annotations.Nullable;

/**
 * What the platform must know of the module that issues access tokens: where its token endpoint
 * and keys are, the client services use to call each other, and the names of the claims it
 * writes. That module contributes it as a bean, so the platform names no module; where no module
 * contributes one (a module test without the issuer), every token is refused.
 *
 * @param remoteUrl the issuer's base URL when it runs in another process, null when it runs in
 *     this one; blank when it runs elsewhere but its URL is not configured
 * @param tokenPath the token endpoint, below the issuer's base URL
 * @param jwksPath the published keys (JWK set), below the issuer's base URL
 * @param internalClient the client id of the client-credentials client of Lightpress's processes
 * @param internalScope the scope its tokens carry and {@code /internal} endpoints require
 * @param internalSecret the internal client's secret, empty where none is configured
 * @param claims the names of the claims every module reads
 */
public record TokenIssuer(
        @Nullable String remoteUrl,
        String tokenPath,
        String jwksPath,
        String internalClient,
        String internalScope,
        String internalSecret,
        Claims claims) {

    /**
     * @param roles the claim with a user's roles
     * @param authTime when the user last proved the password (OpenID Connect's {@code auth_time})
     * @param methods how the user logged in (RFC 8176 {@code amr})
     * @param secondFactorRequired the claim saying the user must have proved a second factor for
     *     the endpoints listed in {@link StepUpPaths}
     * @param secondFactorAcr the {@code acr} value a client asks for to log in with a second factor
     */
    public record Claims(
            String roles, String authTime, String methods, String secondFactorRequired, String secondFactorAcr) {}

    /** Keeps the internal client's secret out of logs. */
    @Override
    public String toString() {
        return "TokenIssuer[remoteUrl=%s, internalClient=%s, internalSecret=***]".formatted(remoteUrl, internalClient);
    }

    /** The issuer runs in this process. */
    public boolean isLocal() {
        return remoteUrl == null;
    }

    /** The issuer's base URL in another process, without a trailing slash. */
    public String remoteBase() {
        if (remoteUrl == null || remoteUrl.isBlank()) {
            throw new IllegalStateException("The token issuer runs elsewhere, but its URL is not configured");
        }
        return PlatformSettings.withoutTrailingSlash(remoteUrl);
    }
}
