package com.lightpress.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Picks the key that checks a token's RS256 signature, as a Java public key built once per
 * published key. Nimbus's own selector rebuilds the key from its JWK (base64 and big-integer
 * decoding) for every token; on the path every API request takes, that was measurable.
 */
final class PublicKeys implements JWSKeySelector<SecurityContext> {

    /** Published keys are few (the current one and those retired recently); more means old ones linger. */
    private static final int KEPT = 16;

    private final JWKSource<SecurityContext> source;
    private final Map<RSAKey, PublicKey> converted = new ConcurrentHashMap<>();

    PublicKeys(JWKSource<SecurityContext> source) {
        this.source = source;
    }

    @Override
    public List<? extends Key> selectJWSKeys(JWSHeader header, @Nullable SecurityContext context)
            throws KeySourceException {
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            return List.of();
        }
        var keys = new ArrayList<Key>();
        for (var jwk : source.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), context)) {
            if (jwk instanceof RSAKey rsa) {
                keys.add(converted.computeIfAbsent(rsa.toPublicJWK(), PublicKeys::toJava));
            }
        }
        if (converted.size() > KEPT) {
            converted.clear();
        }
        return keys;
    }

    private static PublicKey toJava(RSAKey key) {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Unusable public key " + key.getKeyID(), e);
        }
    }
}
