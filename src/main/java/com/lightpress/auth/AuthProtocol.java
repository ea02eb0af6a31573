package com.lightpress.auth;

import com.lightpress.platform.TokenIssuer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What other modules and processes may rely on of auth's tokens and endpoints: the names of the
 * claims it writes, where its token endpoint and keys are, the client services use, and the
 * sections of a user's data export it serves to a users module in another process. Auth
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

    /** Auth's section of a user's data export with the login identity. */
    public static final String IDENTITY_SECTION = "auth";

    /** Auth's section of a user's data export with the second factors' names and dates. */
    public static final String FACTORS_SECTION = "secondFactors";

    /** Every section auth contributes to a user's data export. */
    public static final List<String> PERSONAL_DATA_SECTIONS = List.of(IDENTITY_SECTION, FACTORS_SECTION);

    /**
     * Where auth serves one section of a user's data to the process that runs users, when that is
     * another one.
     */
    public static final String PERSONAL_DATA_PATH = "/internal/auth/personal-data/{userId}/{section}";

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
