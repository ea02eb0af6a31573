package com.lightpress.auth.credentials;

import com.lightpress.users.UserId;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything a user does with their credential after signing up: verifying the email, resetting
 * or changing the password. A new password signs every session out.
 */
@Service
@Transactional
public class CredentialManagement {

    private final CredentialRepository credentials;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final Authorizations authorizations;
    private final AuthSettings.Tokens tokens;
    private final Clock clock;

    CredentialManagement(
            CredentialRepository credentials,
            PasswordEncoder passwords,
            PasswordPolicy policy,
            Authorizations authorizations,
            AuthSettings settings,
            Clock clock) {
        this.credentials = credentials;
        this.passwords = passwords;
        this.policy = policy;
        this.authorizations = authorizations;
        this.tokens = settings.tokens();
        this.clock = clock;
    }

    public void verifyEmail(String token) {
        var credential = byToken(token);
        credential.verifyEmail(SecretTokens.hash(token), clock.instant());
        credentials.save(credential);
    }

    public void resendVerification(UserId user) {
        credentials.findById(user).ifPresent(credential -> {
            credential.requestEmailVerification(
                    tokens.verification(), tokens.verificationResendInterval(), clock.instant());
            credentials.save(credential);
        });
    }

    /** Sends a reset token if the address is registered; says nothing either way. */
    public void requestPasswordReset(String email) {
        credentials.findByEmail(SignUp.normalize(email)).ifPresent(credential -> {
            credential.requestPasswordReset(tokens.passwordReset(), clock.instant());
            credentials.save(credential);
        });
    }

    public void resetPassword(String token, String newPassword) {
        var credential = byToken(token);
        policy.check("newPassword", newPassword, credential.email());
        credential.resetPassword(SecretTokens.hash(token), passwords.encode(newPassword), clock.instant());
        credentials.save(credential);
        authorizations.revokeAll(credential.id());
    }

    public void changePassword(UserId user, String currentPassword, String newPassword) {
        var credential = credentials.findById(user).orElseThrow(WrongPassword::new);
        if (!passwords.matches(currentPassword, credential.passwordHash())) {
            throw new WrongPassword();
        }
        policy.check("newPassword", newPassword, credential.email());
        credential.changePassword(passwords.encode(newPassword), clock.instant());
        credentials.save(credential);
        authorizations.revokeAll(user);
    }

    @Transactional(readOnly = true)
    public Optional<LoginIdentity> find(UserId user) {
        return credentials.findById(user).map(Credential::identity);
    }

    private Credential byToken(String token) {
        return Credential.hashOf(token)
                .flatMap(credentials::findIdByTokenHash)
                .flatMap(id -> credentials.findById(new UserId(id)))
                .orElseThrow(InvalidToken::new);
    }
}
