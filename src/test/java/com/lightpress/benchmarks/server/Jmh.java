package com.lightpress.benchmarks.server;

import com.lightpress.auth.config.AuthSettings;
import com.lightpress.auth.credentials.PasswordHashingBenchmark;
import com.lightpress.benchmarks.Rs256SigningBenchmark;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/** The references measured with JMH in a forked JVM: one RS256 signature and one password check. */
final class Jmh {

    private Jmh() {}

    static double rs256SigningMs() throws RunnerException {
        return score(new OptionsBuilder().include(Rs256SigningBenchmark.class.getName()));
    }

    /** One check at the default cost users get, read from auth's settings so the two cannot drift. */
    static double passwordCheckMs() throws RunnerException {
        var cost = Binder.get(new StandardEnvironment())
                .bindOrCreate("lightpress.auth.password-hashing", AuthSettings.PasswordHashing.class);
        return score(new OptionsBuilder()
                .include(PasswordHashingBenchmark.class.getName())
                .param("cost", cost.memoryKib() + ":" + cost.iterations()));
    }

    private static double score(ChainedOptionsBuilder options) throws RunnerException {
        var results = new Runner(options.forks(1).build()).run();
        return results.iterator().next().getPrimaryResult().getScore();
    }
}
