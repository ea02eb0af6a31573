package com.lightpress.platform.security;

import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.TokenIssuer;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How access tokens are checked: against the issuer's keys in this process when it runs here,
 * against its JWKS URL when it runs elsewhere (the issuing module contributes a {@link TokenIssuer}
 * that says which). Either way a token must be an RFC 9068 access token
 * ({@code typ: at+jwt}) issued by this deployment for its APIs, so an ID token or a token for
 * another audience is refused.
 */
@Configuration(proxyBeanMethods = false)
class TokenValidation {

    private static final Logger LOG = LoggerFactory.getLogger(TokenValidation.class);

    @Bean
    JwtDecoder jwtDecoder(
            ObjectProvider<JWKSource<SecurityContext>> localKeys,
            PlatformSettings settings,
            ObjectProvider<TokenIssuer> tokenIssuer) {
        var issuer = settings.publicUrl().toString();
        var keys = localKeys.getIfAvailable();
        var remote = tokenIssuer.getIfAvailable();
        if (keys == null
                && remote != null
                && !remote.isLocal()
                && !Objects.requireNonNull(remote.remoteUrl()).isBlank()) {
            keys = JWKSourceBuilder.create(jwksUrl(remote)).build();
        }
        if (keys == null) {
            LOG.warn("No token issuer in this process and none configured elsewhere: every token is refused");
            return token -> {
                throw new BadJwtException("No token issuer is configured");
            };
        }
        var publicKeys = new PublicKeys(keys);
        var decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(publicKeys))
                .build();
        var validator = JwtValidators.createAtJwtValidator()
                .issuer(issuer)
                .audience(settings.apiAudience())
                .build();
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator);
    }

    private static URL jwksUrl(TokenIssuer issuer) {
        try {
            return URI.create(issuer.remoteBase() + issuer.jwksPath()).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The token issuer's URL is not a URL: " + issuer.remoteUrl(), e);
        }
    }
}
