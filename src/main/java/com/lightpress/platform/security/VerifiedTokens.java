package com.lightpress.platform.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.ConcurrentLruCache;

/**
 * Remembers access tokens whose signature and claims were checked, so a client that sends the same
 * token with each request, as clients do until it expires, pays for parsing it and for the RS256
 * check once per instance rather than per request. A remembered token is validated again on every
 * use (expiry, issuer, audience, type), so it is never accepted beyond its expiry; the keys that
 * signed it stay published longer than any access token lives, so remembering never outlasts a
 * key either. Refused tokens are not remembered.
 */
final class VerifiedTokens implements JwtDecoder {

    /** Tokens in use at once on one instance; a few KiB each. */
    private static final int CAPACITY = 4096;

    private final OAuth2TokenValidator<Jwt> validator;
    private final ConcurrentLruCache<String, Jwt> verified;

    /** @param decoder checks signatures and claims, {@code validator} included */
    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        this.validator = validator;
        this.verified = new ConcurrentLruCache<>(CAPACITY, decoder::decode);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        var jwt = verified.get(token);
        var result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.remove(token);
            throw new JwtValidationException("The token is no longer valid", result.getErrors());
        }
        return jwt;
    }
}
