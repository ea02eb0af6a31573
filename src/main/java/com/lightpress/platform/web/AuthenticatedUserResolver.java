package com.lightpress.platform.web;

import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.platform.TokenIssuer;
import java.util.HashSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controllers the {@link AuthenticatedUser} of the request's access token. */
class AuthenticatedUserResolver implements HandlerMethodArgumentResolver {

    private final Supplier<TokenIssuer.Claims> claims;

    AuthenticatedUserResolver(Supplier<TokenIssuer.Claims> claims) {
        this.claims = claims;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthenticatedUser.class;
    }

    @Override
    public AuthenticatedUser resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binders) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new AuthenticationCredentialsNotFoundException("No access token");
        }
        var jwt = token.getToken();
        var subject = subject(jwt.getSubject());
        var names = claims.get();
        var roles = jwt.hasClaim(names.roles())
                ? new HashSet<>(jwt.getClaimAsStringList(names.roles()))
                : new HashSet<String>();
        return new AuthenticatedUser(subject, roles, jwt.getClaimAsInstant(names.authTime()), jwt.getExpiresAt());
    }

    /** A service's token (client credentials) names no user, so it reaches no user's endpoint. */
    private static UUID subject(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AccessDeniedException("The token does not belong to a user");
        }
    }
}
