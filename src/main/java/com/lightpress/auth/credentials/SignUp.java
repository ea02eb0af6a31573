package com.lightpress.auth.credentials;

import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs a new user up: stores the credential and registers the account in users in one
 * transaction, so there is never half an account.
 */
@Service
public class SignUp {

    private final CredentialRepository credentials;
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    SignUp(CredentialRepository credentials, UserAccounts accounts, PasswordEncoder passwords, Clock clock) {
        this.credentials = credentials;
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public void signUp(String email, String password, String displayName) {
        var normalized = email.trim().toLowerCase(Locale.ROOT);
        var hash = passwords.encode(password);
        if (credentials.existsByEmail(normalized)) {
            return;
        }
        var id = new UserId(UUID.randomUUID());
        credentials.save(Credential.create(id, normalized, hash, clock.instant()));
        accounts.register(id, normalized, displayName.trim());
    }
}
