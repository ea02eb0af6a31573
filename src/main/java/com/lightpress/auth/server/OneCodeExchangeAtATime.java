package com.lightpress.auth.server;

import com.lightpress.auth.credentials.SecretTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Redeems an authorization code under a PostgreSQL advisory lock on the code, on every instance:
 * two requests with the same code cannot both see it unused; the second sees it spent, which the
 * server treats as a replay and revokes what the first was given.
 */
final class OneCodeExchangeAtATime implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    OneCodeExchangeAtATime(AuthenticationProvider delegate, TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * A refusal is thrown only after the transaction committed: refusing a replayed code revokes
     * what the code had issued, and that must not roll back with the refusal.
     */
    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        var code = ((OAuth2AuthorizationCodeAuthenticationToken) authentication).getCode();
        var outcome = transactions.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", SecretTokens.hash(code));
            try {
                return new Outcome(delegate.authenticate(authentication), null);
            } catch (OAuth2AuthenticationException refused) {
                return new Outcome(null, refused);
            }
        });
        if (outcome != null && outcome.refused() != null) {
            throw outcome.refused();
        }
        return outcome == null ? null : outcome.result();
    }

    private record Outcome(
            @Nullable Authentication result, @Nullable OAuth2AuthenticationException refused) {}

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2AuthorizationCodeAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
