package com.lightpress.platform.security;

import com.lightpress.platform.StepUpPaths;
import com.lightpress.platform.TokenIssuer;
import com.lightpress.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Step-up authentication for the API (RFC 9470): on the endpoints modules list in
 * {@link StepUpPaths}, a token that requires a second factor but whose login proved none is
 * refused with 401 and {@code insufficient_user_authentication}, naming the {@code acr} to ask
 * for, so the client sends the user through the second step and retries with the new token.
 */
final class StepUpFilter extends OncePerRequestFilter {

    private static final Set<String> SECOND_FACTOR_METHODS = Set.of("otp", "hwk", "swk");

    private final RequestMatcher endpoints;
    private final ProblemResponses problems;
    private final Supplier<TokenIssuer.Claims> claims;

    StepUpFilter(List<StepUpPaths> paths, ProblemResponses problems, Supplier<TokenIssuer.Claims> claims) {
        var matchers = new java.util.ArrayList<RequestMatcher>();
        matchers.add(PathPatternRequestMatcher.pathPattern("/api/admin/**"));
        paths.stream()
                .flatMap(it -> it.endpoints().stream())
                .map(StepUpFilter::matcher)
                .forEach(matchers::add);
        this.endpoints = new OrRequestMatcher(matchers);
        this.problems = problems;
        this.claims = claims;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                && lacksSecondFactor(token.getToken())
                && endpoints.matches(request)) {
            response.setHeader(
                    HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"insufficient_user_authentication\", error_description=\"A second factor is"
                            + " required\", acr_values=\"" + claims.get().secondFactorAcr() + "\"");
            problems.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "This needs a login with your second factor: log in again with it.",
                    request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean lacksSecondFactor(Jwt jwt) {
        var names = claims.get();
        if (!Boolean.TRUE.equals(jwt.getClaimAsBoolean(names.secondFactorRequired()))) {
            return false;
        }
        var amr = jwt.hasClaim(names.methods()) ? jwt.getClaimAsStringList(names.methods()) : List.<String>of();
        return amr.stream().noneMatch(SECOND_FACTOR_METHODS::contains);
    }

    private static RequestMatcher matcher(String endpoint) {
        var parts = endpoint.trim().split("\\s+", 2);
        return parts.length == 2
                ? PathPatternRequestMatcher.pathPattern(HttpMethod.valueOf(parts[0]), parts[1])
                : PathPatternRequestMatcher.pathPattern(parts[0]);
    }
}
