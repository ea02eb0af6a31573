package com.lightpress.platform.security;

import com.lightpress.platform.PublicPaths;
import com.lightpress.platform.StepUpPaths;
import com.lightpress.platform.TokenIssuer;
import com.lightpress.platform.web.ProblemResponses;
import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.request.async.WebAsyncManagerIntegrationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The security of every module's HTTP API: a stateless OAuth 2 resource server. Paths a module
 * declares public are open; {@code /api/admin} needs ADMIN, {@code /internal} the internal scope,
 * the rest of {@code /api} any valid token; {@link StepUpPaths} (and the admin API) need a second
 * factor where the token says so. Everything else (docs, health, static pages) is open.
 * Auth's own chains for its endpoints and login page run before this one.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    /**
     * No observation (span and timer) per security filter, authentication and authorization check:
     * measured with {@code bench/run}'s paths, they were about a third of the CPU of a token request
     * and of an authenticated read. Each request is still one observation ({@code
     * http.server.requests}: its timer, its span and the trace id in its log lines), and logins and
     * tokens are counted by auth's own meters.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Every chain's firewall: the strict default, its header checks without regular expressions. */
    @Bean
    static WebSecurityCustomizer requestFirewall() {
        return web -> web.httpFirewall(RequestFirewall.strict());
    }

    /** Every chain's reader of bearer tokens (auth's userinfo too): RFC 6750's header, one pass. */
    @Bean
    static BearerTokenResolver bearerTokens() {
        return new BearerTokens();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            List<PublicPaths> publicPaths,
            List<StepUpPaths> stepUpPaths,
            ProblemResponses problems,
            ObjectProvider<TokenIssuer> issuer,
            JwtDecoder tokens)
            throws Exception {
        Supplier<TokenIssuer.Claims> claims = () -> issuer.getObject().claims();
        var open = publicPaths.stream().flatMap(it -> it.patterns().stream()).toArray(String[]::new);
        var entryPoint = entryPoint(problems);
        var denied = accessDenied(problems);
        var checks = new JwtAuthenticationProvider(tokens);
        checks.setJwtAuthenticationConverter(new TokenAuthorities(claims));
        // Stateless: nothing here sees an HTTP session. The web client on auth's origin sends
        // auth's login cookie with every API call; with Spring Security's session management
        // (even STATELESS) each authenticated call renamed that login session (session fixation
        // protection), and calls at once left the browser holding a name no longer in use.
        http.csrf(csrf -> csrf.disable())
                .addFilterBefore(new SessionlessRequests(), WebAsyncManagerIntegrationFilter.class)
                .sessionManagement(session -> session.disable())
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                                .permitAll()
                                .requestMatchers(open)
                                .permitAll()
                                .requestMatchers("/api/admin/**")
                                .hasRole("ADMIN")
                                .requestMatchers("/internal/**")
                                .hasAuthority("SCOPE_internal")
                                .requestMatchers("/api/**")
                                .authenticated()
                                .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info")
                                .permitAll()
                                .requestMatchers("/actuator/**")
                                .hasRole("ADMIN")
                                .anyRequest()
                                .permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.authenticationManager(withoutEvents(checks)))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .addFilterAfter(new StepUpFilter(stepUpPaths, problems, claims), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * A token's check publishes no authentication event, success or failure: nothing listens to
     * one per API request, and passing it through the event multicaster was about 3% of the CPU
     * of an authenticated read (JFR under {@code bench/run}'s load). Logins, on auth's chains,
     * still publish theirs.
     */
    private static AuthenticationManager withoutEvents(JwtAuthenticationProvider checks) {
        return new ProviderManager(checks);
    }

    private static AuthenticationEntryPoint entryPoint(ProblemResponses problems) {
        var bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            problems.write(
                    response, HttpStatus.UNAUTHORIZED, "A valid access token is required.", request.getRequestURI());
        };
    }

    private static AccessDeniedHandler accessDenied(ProblemResponses problems) {
        return (request, response, exception) -> problems.write(
                response, HttpStatus.FORBIDDEN, "You are not allowed to do this.", request.getRequestURI());
    }
}
