package com.lightpress.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicKeysTests {

    @Test
    void aPublishedKeyIsConvertedOnceAndFoundByItsKeyId() throws Exception {
        var current = new RSAKeyGenerator(2048).keyID("current").generate();
        var retired = new RSAKeyGenerator(2048).keyID("retired").generate();
        var keys = new PublicKeys(new ImmutableJWKSet<SecurityContext>(
                new JWKSet(List.of(current.toPublicJWK(), retired.toPublicJWK()))));
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("retired").build();

        List<Key> first = List.copyOf(keys.selectJWSKeys(header, null));
        List<Key> second = List.copyOf(keys.selectJWSKeys(header, null));

        assertThat(first).containsExactly(retired.toRSAPublicKey());
        assertThat(second.get(0)).isSameAs(first.get(0));
    }

    @Test
    void noKeyForAnotherAlgorithmOrAnUnknownKeyId() throws Exception {
        var key = new RSAKeyGenerator(2048).keyID("current").generate();
        var keys = new PublicKeys(new ImmutableJWKSet<SecurityContext>(new JWKSet(key.toPublicJWK())));

        assertThat(keys.selectJWSKeys(
                        new JWSHeader.Builder(JWSAlgorithm.HS256)
                                .keyID("current")
                                .build(),
                        null))
                .isEmpty();
        assertThat(keys.selectJWSKeys(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("other").build(), null))
                .isEmpty();
    }
}
