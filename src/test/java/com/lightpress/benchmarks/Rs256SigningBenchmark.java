package com.lightpress.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What signing one access token costs: an RS256 signature with a 2048-bit key, as auth's signing
 * keys are, over claims of a client-credentials token. The server benchmark divides the cores by
 * it to get the machine's signing capacity. Run alone: {@code ./mvnw -Pbenchmark test-compile
 * exec:exec -Dbenchmark=Rs256Signing}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Rs256SigningBenchmark {

    private RSASSASigner signer;
    private JWSHeader header;
    private JWTClaimsSet claims;

    @Setup
    public void key() throws JOSEException {
        var key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        signer = new RSASSASigner(key);
        header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt"))
                .build();
        var now = new Date();
        claims = new JWTClaimsSet.Builder()
                .issuer("https://auth.example.com")
                .subject("lightpress-internal")
                .audience(List.of("https://auth.example.com/api"))
                .issueTime(now)
                .notBeforeTime(now)
                .expirationTime(new Date(now.getTime() + 600_000))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", "lightpress-internal")
                .claim("scope", List.of("internal"))
                .build();
    }

    @Benchmark
    public String sign() throws JOSEException {
        var jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
