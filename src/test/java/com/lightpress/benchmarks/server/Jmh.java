package com.lightpress.benchmarks.server;

import com.lightpress.auth.credentials.AuthSettings;
import com.lightpress.benchmarks.PasswordHashingBenchmark;
import com.lightpress.benchmarks.Rs256SigningBenchmark;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The references measured with JMH in a forked JVM: one RS256 signature and one password check. */
final class Jmh {

    private Jmh() {}

    static double rs256SigningMs() throws RunnerException {
        return score(new OptionsBuilder().include(Rs256SigningBenchmark.class.getName()));
    }

    /** One check at the default cost users get, read from auth's settings so the two cannot drift. */
    static double passwordCheckMs() throws RunnerException {
        var cost = defaultOf("memoryKib") + ":" + defaultOf("iterations");
        return score(new OptionsBuilder()
                .include(PasswordHashingBenchmark.class.getName())
                .param("cost", cost));
    }

    private static double score(ChainedOptionsBuilder options) throws RunnerException {
        var results = new Runner(options.forks(1).build()).run();
        return results.iterator().next().getPrimaryResult().getScore();
    }

    private static String defaultOf(String component) {
        var type = AuthSettings.PasswordHashing.class;
        var components = type.getRecordComponents();
        var constructor = unchecked(() -> type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new)));
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(component)) {
                return constructor.getParameters()[i].getAnnotation(DefaultValue.class)
                        .value()[0];
            }
        }
        throw new IllegalArgumentException(component);
    }

    private static <T> T unchecked(Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
