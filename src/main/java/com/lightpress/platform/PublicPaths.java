package com.lightpress.platform;

import java.util.List;

/**
 * Paths of a module's HTTP API that anyone may call without a token (sign-up, the plan catalog,
 * Stripe's webhook). Everything else under {@code /api} needs a valid token; {@code /api/admin}
 * needs the ADMIN role and {@code /internal} the {@code internal} scope.
 */
public record PublicPaths(List<String> patterns) {

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns));
    }
}
