package com.lightpress.auth.credentials;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * What one login's password check costs with auth's Argon2id settings (the target is 50 to 150 ms
 * on two cores), compiled as Lightpress has it compiled ({@link Argon2Compilation}). Run: {@code
 * ./mvnw -Pbenchmark test-compile exec:exec -Dbenchmark=PasswordHashing}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PasswordHashingBenchmark {

    /** Memory in KiB and passes, as lightpress.auth.password-hashing sets them; the first is the default. */
    @Param({"19456:2", "47104:2", "19456:5"})
    public String cost;

    private Argon2PasswordEncoder encoder;
    private String hash;

    @Setup
    public void hash() {
        Argon2Compilation.inlineArgon2();
        var parts = cost.split(":");
        encoder = new Argon2PasswordEncoder(16, 32, 1, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        hash = encoder.encode("correct horse battery staple");
    }

    @Benchmark
    public boolean checkPassword() {
        return encoder.matches("correct horse battery staple", hash);
    }
}
