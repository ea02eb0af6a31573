package com.lightpress.auth.server;

import static java.util.stream.Collectors.toCollection;

import com.lightpress.auth.AuthProtocol;
import com.lightpress.auth.config.AuthSettings;
import com.lightpress.auth.credentials.AuthMeters;
import com.lightpress.auth.credentials.CredentialManagement;
import com.lightpress.auth.credentials.LoginIdentity;
import com.lightpress.auth.factors.FactorAuthorities;
import com.lightpress.auth.factors.SecondFactors;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Types access tokens as {@code at+jwt} with Lightpress's APIs as their audience (RFC 9068), and
 * puts what resource servers need about the user into tokens: email, whether it is verified,
 * roles (read from users at issuance, so a role change shows in the next token), when the user
 * last proved a factor ({@code auth_time}), how ({@code amr}, {@code acr}) and whether the APIs
 * must see a second factor before sensitive changes ({@link AuthProtocol#SECOND_FACTOR_REQUIRED_CLAIM}).
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /** RFC 9068's media type of JWT access tokens, so that no other JWT passes for one. */
    static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private final CredentialManagement credentials;
    private final UserAccounts accounts;
    private final String apiAudience;
    private final AuthMeters meters;
    private final SecondFactors factors;
    private final AuthSettings.Factors factorSettings;

    TokenClaims(
            CredentialManagement credentials,
            UserAccounts accounts,
            String apiAudience,
            AuthMeters meters,
            SecondFactors factors,
            AuthSettings.Factors factorSettings) {
        this.credentials = credentials;
        this.accounts = accounts;
        this.apiAudience = apiAudience;
        this.meters = meters;
        this.factors = factors;
        this.factorSettings = factorSettings;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        var accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        if (accessToken) {
            context.getJwsHeader().type(ACCESS_TOKEN_TYPE);
            context.getClaims()
                    .audience(new ArrayList<>(List.of(apiAudience)))
                    .claim("client_id", context.getRegisteredClient().getClientId());
        }
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            addUserClaims(context);
        }
        if (accessToken) {
            meters.tokenIssued(context.getAuthorizationGrantType().getValue());
        }
    }

    /** Who the user is, from the credential and the profile; refuses a login that is no longer valid. */
    private void addUserClaims(JwtEncodingContext context) {
        var user = UserId.of(context.getPrincipal().getName());
        var claims = context.getClaims();
        var identity = credentials
                .find(user)
                .filter(it -> isStillValid(it, authenticationTime(context.getPrincipal())))
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                        OAuth2ErrorCodes.INVALID_GRANT, "The login is no longer valid; log in again.", null)));
        claims.claim(StandardClaimNames.EMAIL, identity.email());
        claims.claim(StandardClaimNames.EMAIL_VERIFIED, identity.emailVerified());
        claims.claim(AuthProtocol.METHODS_CLAIM, FactorAuthorities.amr(context.getPrincipal()));
        claims.claim(AuthProtocol.ACR_CLAIM, FactorAuthorities.acr(context.getPrincipal()));
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            // An ArrayList: the claims are stored as JSON that only allows well-known types.
            var roles = accounts.findProfile(user)
                    .map(profile ->
                            profile.roles().stream().map(Enum::name).sorted().collect(toCollection(ArrayList::new)))
                    .orElseGet(ArrayList::new);
            claims.claim(AuthProtocol.ROLES_CLAIM, roles);
            var secondFactorRequired =
                    factors.isEnrolled(user) || (factorSettings.requiredForAdmins() && roles.contains("ADMIN"));
            claims.claim(AuthProtocol.SECOND_FACTOR_REQUIRED_CLAIM, secondFactorRequired);
            var authTime = authenticationTime(context.getPrincipal());
            if (authTime != null) {
                claims.claim(AuthProtocol.AUTH_TIME_CLAIM, Date.from(authTime));
            }
        } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            accounts.findProfile(user)
                    .ifPresent(profile -> claims.claim(StandardClaimNames.NAME, profile.displayName()));
            var authorization = context.getAuthorization();
            var mark = authorization == null ? null : AuthorizationStore.browserLoginOf(authorization);
            if (mark != null) {
                claims.claim("sid", Logins.sidOf(mark));
            }
        }
    }

    /** No token for a closed or disabled account, nor for a login from before the last new password. */
    private static boolean isStillValid(LoginIdentity identity, @Nullable Instant authTime) {
        return authTime == null ? !identity.disabled() : identity.stillValidFor(authTime);
    }

    /** When the user last proved a factor (entered their password), from the login itself. */
    static @Nullable Instant authenticationTime(Authentication principal) {
        return principal.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .map(authority -> ((FactorGrantedAuthority) authority).getIssuedAt())
                .max(Instant::compareTo)
                .orElse(null);
    }
}
