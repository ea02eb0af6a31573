package com.lightpress.auth;

import com.lightpress.platform.TokenIssuer;
import org.jspecify.annotations.Nullable;

/**
 * What other modules and processes may rely on of auth's tokens and endpoints: the names of the
 * claims it writes, where its token endpoint and keys are, and the client services use. Auth
 * hands them to the platform as a {@link TokenIssuer}, in this process and where it runs elsewhere.
 */
public final class AuthProtocol {

    /** The client of Lightpress's own processes, with the client-credentials grant. */
    public static final String INTERNAL_CLIENT_ID = "lightpress-internal";

    /** The scope of the internal client's tokens, required by every {@code /internal} endpoint. */
    public static final String INTERNAL_SCOPE = "internal";

    public static final String TOKEN_PATH = "/oauth2/token";
    public static final String JWKS_PATH = "/oauth2/jwks";

    /** The access-token claim with a user's roles (USER, ADMIN). */
    public static final String ROLES_CLAIM = "roles";

    /** When the user last proved the password (OpenID Connect). */
    public static final String AUTH_TIME_CLAIM = "auth_time";

    /** How the user logged in (RFC 8176): {@code pwd}, and {@code otp} and {@code mfa} after a second factor. */
    public static final String METHODS_CLAIM = "amr";

    /** How strongly the user logged in: {@link #ONE_FACTOR} or {@link #TWO_FACTORS}. */
    public static final String ACR_CLAIM = "acr";

    /** Whether the user must have proved a second factor for sensitive endpoints. */
    public static final String SECOND_FACTOR_REQUIRED_CLAIM = "second_factor_required";

    public static final String ONE_FACTOR = "urn:lightpress:acr:1fa";
    public static final String TWO_FACTORS = "urn:lightpress:acr:2fa";

    private AuthProtocol() {}

    /**
     * Auth as the platform's token issuer: at {@code remoteUrl}, or in this process when null; with
     * the internal client's secret ({@code lightpress.auth.internal-client-secret}) if one is set.
     */
    public static TokenIssuer issuer(@Nullable String remoteUrl, @Nullable String internalSecret) {
        return new TokenIssuer(
                remoteUrl,
                TOKEN_PATH,
                JWKS_PATH,
                INTERNAL_CLIENT_ID,
                INTERNAL_SCOPE,
                internalSecret == null ? "" : internalSecret,
                new TokenIssuer.Claims(
                        ROLES_CLAIM, AUTH_TIME_CLAIM, METHODS_CLAIM, SECOND_FACTOR_REQUIRED_CLAIM, TWO_FACTORS));
    }
}
