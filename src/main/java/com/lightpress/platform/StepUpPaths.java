package com.lightpress.platform;

import java.util.List;

/**
 * Endpoints of a module's HTTP API that, for a user whose token says a second factor is required,
 * answer 401 {@code insufficient_user_authentication} (RFC 9470) unless the token's login proved
 * one (closing the account, changing the password). Each entry is {@code "METHOD /path/pattern"}
 * or a pattern alone for every method; {@code /api/admin/**} is always one.
 */
public record StepUpPaths(List<String> endpoints) {

    public static StepUpPaths of(String... endpoints) {
        return new StepUpPaths(List.of(endpoints));
    }
}
