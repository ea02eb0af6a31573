package com.lightpress.auth.server;

import com.lightpress.auth.config.AuthSettings;
import com.lightpress.auth.credentials.AuthMeters;
import com.lightpress.auth.credentials.CredentialManagement;
import com.lightpress.auth.credentials.PasswordLogin;
import com.lightpress.auth.credentials.RateLimits;
import com.lightpress.auth.credentials.TrustedDevices;
import com.lightpress.auth.factors.FactorAuthorities;
import com.lightpress.auth.factors.Passkeys;
import com.lightpress.auth.factors.SecondFactors;
import com.lightpress.platform.PlatformSettings;
import com.lightpress.users.UserAccounts;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Authorization Server as Lightpress's OAuth 2.1 / OpenID Connect provider: its endpoints,
 * the login page in front of them, and the pieces Lightpress adds (refresh tokens for its public
 * client with rotation and reuse detection, claims, re-authentication). All state is in the auth
 * schema of PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    private static final ClientSecrets CLIENT_SECRETS = new ClientSecrets();

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(
            HttpSecurity http,
            RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations,
            Logins logins,
            RateLimits limits,
            OAuth2TokenGenerator<?> tokens,
            CredentialManagement credentials,
            TransactionTemplate transactions,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            AuthSettings settings,
            SecondFactors factors,
            Clock clock) {
        var ends = new LoginEnds(authorizations, logins);
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(oidc -> oidc.logoutEndpoint(logout -> logout.logoutResponseHandler(ends::loggedOut))
                            .providerConfigurationEndpoint(discovery -> discovery.providerConfigurationCustomizer(
                                    metadata -> metadata.claim("acr_values_supported", FactorAuthorities.ACR_VALUES))))
                    .tokenRevocationEndpoint(revocation -> revocation.revocationResponseHandler(ends::revoked))
                    .tokenGenerator(tokens)
                    .clientAuthentication(clientAuthentication -> clientAuthentication
                            .authenticationConverters(
                                    converters -> converters.add(0, new PublicClientAuthenticationConverter()))
                            .authenticationProviders(providers -> {
                                providers.forEach(provider -> {
                                    if (provider instanceof ClientSecretAuthenticationProvider secrets) {
                                        secrets.setPasswordEncoder(CLIENT_SECRETS);
                                    }
                                });
                                providers.add(0, new PublicClientAuthenticationProvider(clients));
                            }))
                    .tokenEndpoint(token ->
                            token.authenticationProviders(providers -> providers.replaceAll(provider -> {
                                if (provider instanceof OAuth2RefreshTokenAuthenticationProvider) {
                                    return new RefreshTokenRotation(
                                            provider,
                                            authorizations,
                                            logins,
                                            transactions,
                                            jdbc,
                                            events,
                                            settings.tokens().refreshReuseGrace(),
                                            clock);
                                }
                                if (provider instanceof OAuth2AuthorizationCodeAuthenticationProvider) {
                                    return new OneCodeExchangeAtATime(provider, transactions, jdbc);
                                }
                                return provider;
                            })))
                    .deviceAuthorizationEndpoint(device -> device.verificationUri("/activate"))
                    .deviceVerificationEndpoint(verification -> verification
                            .consentPage("/activate/consent")
                            .deviceVerificationResponseHandler(
                                    (request, response, authentication) -> response.sendRedirect("/activate?done")));
        });
        var html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), html))
                .addFilterBefore(
                        new LoginSessionAge(settings.session().absoluteTimeout(), clock),
                        SecurityContextHolderFilter.class)
                .addFilterBefore(new DeviceRequestLimit(limits, clock), SecurityContextHolderFilter.class)
                .addFilterAfter(new ReauthenticationFilter(credentials, clock), SecurityContextHolderFilter.class)
                .addFilterAfter(new SecondFactorGate(factors), ReauthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginPageSecurity(
            HttpSecurity http,
            PasswordLogin passwordLogin,
            TrustedDevices devices,
            AuthMeters meters,
            AuthSettings settings,
            SecondFactors factors,
            Passkeys passkeys,
            CredentialManagement credentials,
            Clock clock) {
        var outcomes = new LoginOutcomes(devices, meters, settings, factors);
        var passkeyOutcomes = new PasskeyLoginOutcomes(meters);
        var passkeyLogins = new ProviderManager(new PasskeyLoginProvider(passkeys, credentials, clock));
        // Spring Security's configurer insists on a UserDetailsService; the provider above replaces
        // the one that would use it, so it is only a shared object (a bean would also feed a
        // global authentication manager that checks passwords a second time).
        http.setSharedObject(UserDetailsService.class, username -> {
            throw new UsernameNotFoundException("Passkeys are checked by PasskeyLoginProvider");
        });
        http.securityMatcher(
                        "/login",
                        "/login/**",
                        "/logout",
                        "/activate",
                        "/activate/**",
                        "/auth/**",
                        "/webauthn/authenticate/options")
                .webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
                        .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                            @Override
                            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationManager(passkeyLogins);
                                filter.setMfaEnabled(true);
                                filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
                                filter.setAuthenticationSuccessHandler(passkeyOutcomes);
                                filter.setAuthenticationFailureHandler(passkeyOutcomes);
                                return filter;
                            }
                        }))
                .addFilterBefore(
                        new LoginSessionAge(settings.session().absoluteTimeout(), clock),
                        SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .authenticationProvider(new PasswordLoginProvider(passwordLogin, clock))
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .authenticationDetailsSource(LoginDetails.source())
                        .successHandler(outcomes)
                        .failureHandler(outcomes))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(AuthSettings settings, PlatformSettings platform) {
        return new InMemoryRegisteredClientRepository(ClientRegistrations.clients(settings, platform, CLIENT_SECRETS));
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService() {
        return new ConsentNeverRemembered();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(PlatformSettings platform) {
        return AuthorizationServerSettings.builder()
                .issuer(platform.publicUrl().toString())
                .build();
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(
            JwtEncoder encoder,
            CredentialManagement credentials,
            UserAccounts accounts,
            AuthMeters meters,
            AuthSettings settings,
            PlatformSettings platform,
            SecondFactors factors,
            Clock clock) {
        var jwt = new JwtGenerator(encoder);
        jwt.setJwtCustomizer(
                new TokenClaims(credentials, accounts, platform.apiAudience(), meters, factors, settings.factors()));
        jwt.setClock(clock);
        return new DelegatingOAuth2TokenGenerator(
                jwt, new FamilyRefreshTokenGenerator(settings.tokens().refreshAbsolute(), clock));
    }
}
