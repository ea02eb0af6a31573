package com.lightpress.auth.credentials;

import com.lightpress.auth.config.AuthSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id for the passwords people choose, and nothing else: each hash takes its full memory
 * cost, so only a few run at once (by default one per core) and the rest wait a moment, then are
 * refused with {@link HashingBusy}. A burst of logins thus costs bounded memory and leaves the
 * process alive. The {@code {argon2id}} prefix in each hash lets a stronger setting replace it at
 * the next login. Argon2 is compiled the fast way of two ({@link Argon2Compilation}).
 */
@Component
public class PasswordHashing {

    private static final String ARGON2 = "argon2id";

    /** More waiting than this per slot could not be served within the wait anyway: refused at once. */
    private static final int QUEUED_PER_SLOT = 8;

    private final PasswordEncoder encoder;
    private final Semaphore permits;
    private final int maxQueue;
    private final Duration maxWait;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final Counter refused;
    private final Timer took;

    PasswordHashing(AuthSettings settings, MeterRegistry meters) {
        var cost = settings.passwordHashing();
        Argon2Compilation.inlineArgon2();
        var argon2 = new Argon2PasswordEncoder(16, 32, cost.parallelism(), cost.memoryKib(), cost.iterations());
        this.encoder = new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2, argon2));
        var concurrency = cost.maxConcurrent() > 0
                ? cost.maxConcurrent()
                : Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(concurrency, true);
        this.maxQueue = QUEUED_PER_SLOT * concurrency;
        this.maxWait = cost.maxWait();
        Gauge.builder("lightpress.auth.password.hashes.running", running, AtomicInteger::get)
                .description("Password hashes being computed now")
                .register(meters);
        Gauge.builder("lightpress.auth.password.hashes.most.at.once", mostAtOnce, AtomicInteger::get)
                .description("The most password hashes computed at the same time since start")
                .register(meters);
        this.refused = Counter.builder("lightpress.auth.password.hashes.refused")
                .description("Requests answered 503 because no hashing slot became free in time")
                .register(meters);
        this.took = Timer.builder("lightpress.auth.password.hashes")
                .description("Time of one password hash or check, from the moment it has its slot")
                .register(meters);
    }

    String hash(String password) {
        return bounded(() -> encoder.encode(password));
    }

    boolean matches(String password, String hash) {
        return bounded(() -> encoder.matches(password, hash));
    }

    /** Whether the hash was made with weaker settings than today's. */
    boolean isOutdated(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    private <T> T bounded(Supplier<T> work) {
        try {
            if (permits.getQueueLength() >= maxQueue
                    || !permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                refused.increment();
                throw new HashingBusy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusy();
        }
        try {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            return took.record(work);
        } finally {
            running.decrementAndGet();
            permits.release();
        }
    }
}
