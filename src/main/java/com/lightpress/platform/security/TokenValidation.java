package com.lightpress.platform.security;

import com.lightpress.platform.PlatformSettings;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How access tokens are checked: against auth's keys in this process when auth is local, against
 * its JWKS URL when auth runs elsewhere. Either way a token must be an RFC 9068 access token
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
            @Value("${lightpress.modules.remote.auth.url:}") String remoteAuth) {
        var issuer = settings.publicUrl().toString();
        var keys = localKeys.getIfAvailable();
        if (keys == null && !remoteAuth.isBlank()) {
            keys = JWKSourceBuilder.create(jwksUrl(remoteAuth)).build();
        }
        if (keys == null) {
            LOG.warn("Neither a local auth module nor lightpress.modules.remote.auth.url: every token is refused");
            return token -> {
                throw new BadJwtException("No token issuer is configured");
            };
        }
        var publicKeys = new PublicKeys(keys);
        var decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(publicKeys))
                .build();
        decoder.setJwtValidator(JwtValidators.createAtJwtValidator()
                .issuer(issuer)
                .audience(settings.apiAudience())
                .build());
        return decoder;
    }

    private static URL jwksUrl(String remoteAuth) {
        try {
            return URI.create(remoteAuth.replaceAll("/$", "") + "/oauth2/jwks").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("lightpress.modules.remote.auth.url is not a URL: " + remoteAuth, e);
        }
    }
}
