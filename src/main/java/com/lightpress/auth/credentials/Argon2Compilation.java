package com.lightpress.auth.credentials;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has the JIT compiler inline Bouncy Castle's Argon2 functions into one another. Left to itself,
 * HotSpot compiles them to one of two speeds, decided by which function it happens to compile
 * first: one compiled on its own early is then too large to be inlined into its caller, and every
 * password check in that JVM takes about twice as long (measured on a 2-core machine at the
 * default cost: 102 to 164 ms in seven JVMs of nine, 52 to 91 ms in the other two). A compiler
 * directive, added before the first hash, makes the fast compilation the only one. The hash it
 * computes is the same either way; on a JVM without HotSpot's diagnostic commands, nothing changes.
 */
final class Argon2Compilation {

    private static final Logger LOG = LoggerFactory.getLogger(Argon2Compilation.class);

    private static final String ARGON2 = "org/bouncycastle/crypto/generators/Argon2BytesGenerator*.*";

    /** A directive in HotSpot's JSON format: when compiling Argon2, inline Argon2's own methods. */
    private static final String DIRECTIVE = "[{match: \"%s\", inline: \"+%s\"}]".formatted(ARGON2, ARGON2);

    private static final AtomicBoolean ADDED = new AtomicBoolean();

    private Argon2Compilation() {}

    /** Adds the directive, once per JVM (the compiler's stack of directives is small). */
    static void inlineArgon2() {
        if (ADDED.compareAndSet(false, true)) {
            try {
                var file = Files.createTempFile("lightpress-argon2-", ".json");
                try {
                    Files.writeString(file, DIRECTIVE);
                    var result = diagnosticCommand("compilerDirectivesAdd", file.toString());
                    if (!result.contains("added")) {
                        // the command answers a refusal (a full stack, a syntax error) as text
                        LOG.info("Argon2's functions are compiled as the JVM chooses: {}", result.strip());
                    }
                } finally {
                    // the directive is read by then; a file left in the temp folder harms nothing
                    file.toFile().delete();
                }
            } catch (JMException | IOException | RuntimeException e) {
                LOG.info(
                        "Argon2's functions are compiled as the JVM chooses (no compiler directive: {})", e.toString());
            }
        }
    }

    /** The JVM's compiler directives as {@code jcmd <pid> Compiler.directives_print} shows them. */
    static String directives() throws JMException {
        return diagnosticCommand("compilerDirectivesPrint");
    }

    private static String diagnosticCommand(String operation, String... arguments) throws JMException {
        return String.valueOf(ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        operation,
                        new Object[] {arguments},
                        new String[] {String[].class.getName()}));
    }
}
