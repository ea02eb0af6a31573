package com.lightpress.auth.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JIT compiler gets the directive that inlines Argon2's functions, once however often asked. */
class Argon2CompilationTests {

    @Test
    void addsTheInliningDirectiveOncePerJvm() throws Exception {
        Argon2Compilation.inlineArgon2();
        Argon2Compilation.inlineArgon2();

        var directives = Argon2Compilation.directives();
        var inline = "inline: +org/bouncycastle/crypto/generators/Argon2BytesGenerator*.*";
        // each directive lists its inline rule once for C1 and once for C2
        assertThat(directives.split(Pattern.quote(inline), -1)).hasSize(3);
        assertThat(directives).contains("matching: org/bouncycastle/crypto/generators/Argon2BytesGenerator*.*");
    }
}
