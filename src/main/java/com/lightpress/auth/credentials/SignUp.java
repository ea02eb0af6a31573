package com.lightpress.auth.credentials;

import com.lightpress.auth.SignUpAttemptedOnExistingAccount;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs a new user up: stores the credential and registers the account in users in one
 * transaction, so there is never half an account. An address that is already registered gets the
 * same answer after the same work, and its owner is told by email instead.
 */
@Service
public class SignUp {

    private final CredentialRepository credentials;
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final ApplicationEventPublisher events;
    private final AuthSettings settings;
    private final Clock clock;

    SignUp(
            CredentialRepository credentials,
            UserAccounts accounts,
            PasswordEncoder passwords,
            PasswordPolicy policy,
            ApplicationEventPublisher events,
            AuthSettings settings,
            Clock clock) {
        this.credentials = credentials;
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public void signUp(String email, String password, String displayName) {
        var normalized = normalize(email);
        policy.check("password", password, normalized, displayName);
        var hash = passwords.encode(password);
        var existing = credentials.findByEmail(normalized);
        if (existing.isPresent()) {
            events.publishEvent(
                    SignUpAttemptedOnExistingAccount.of(existing.get().id()));
            return;
        }
        var id = new UserId(UUID.randomUUID());
        credentials.save(
                Credential.signUp(id, normalized, hash, settings.tokens().verification(), clock.instant()));
        accounts.register(id, normalized, displayName.trim());
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
