package com.lightpress.notifications.reactions;

import com.lightpress.auth.EmailVerificationRequested;
import com.lightpress.auth.EmailVerified;
import com.lightpress.auth.LoginLocked;
import com.lightpress.auth.PasswordChanged;
import com.lightpress.auth.PasswordResetRequested;
import com.lightpress.auth.RecoveryCodeUsed;
import com.lightpress.auth.RefreshTokenReused;
import com.lightpress.auth.SecondFactorAdded;
import com.lightpress.auth.SecondFactorRemoved;
import com.lightpress.auth.SignUpAttemptedOnExistingAccount;
import com.lightpress.auth.UserSignedUp;
import com.lightpress.notifications.messages.AppRoute;
import com.lightpress.notifications.messages.Message;
import com.lightpress.notifications.messages.Template;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells users what auth did to their account. The listeners run without a transaction of their
 * own: each step of a delivery commits by itself (see {@code Deliveries}), so none holds a
 * database connection while SMTP talks.
 */
@Component
class AuthReactions {

    private final Notifier notifier;

    AuthReactions(Notifier notifier) {
        this.notifier = notifier;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(UserSignedUp event) {
        notifier.notify(
                event.eventId(), event.userId(), verification(event.verificationToken(), event.tokenExpiresAt()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(EmailVerificationRequested event) {
        notifier.notify(
                event.eventId(), event.userId(), verification(event.verificationToken(), event.tokenExpiresAt()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SignUpAttemptedOnExistingAccount event) {
        notifier.notify(event.eventId(), event.userId(), Message.of(Template.SIGN_UP_ATTEMPT));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PasswordResetRequested event) {
        var message = Message.of(Template.PASSWORD_RESET)
                .with("link", new AppRoute("#/reset-password?token=" + encode(event.resetToken())))
                .with("expiresAt", event.tokenExpiresAt());
        notifier.notify(event.eventId(), event.userId(), message);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(EmailVerified event) {
        notifier.notify(event.eventId(), event.userId(), Message.of(Template.WELCOME));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PasswordChanged event) {
        notifier.notify(event.eventId(), event.userId(), securityAlert("password-changed", event.changedAt()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(LoginLocked event) {
        notifier.notify(event.eventId(), event.userId(), securityAlert("login-locked", event.lockedUntil()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RefreshTokenReused event) {
        notifier.notify(event.eventId(), event.userId(), securityAlert("refresh-token-reused", event.detectedAt()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SecondFactorAdded event) {
        notifier.notify(
                event.eventId(), event.userId(), securityAlert(factorAlert(event.factor(), "added"), event.addedAt()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SecondFactorRemoved event) {
        notifier.notify(
                event.eventId(),
                event.userId(),
                securityAlert(factorAlert(event.factor(), "removed"), event.removedAt()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RecoveryCodeUsed event) {
        notifier.notify(event.eventId(), event.userId(), securityAlert("recovery-code-used", event.usedAt()));
    }

    private static Message verification(String token, Instant expiresAt) {
        return Message.of(Template.VERIFY_EMAIL)
                .with("link", new AppRoute("#/verify-email?token=" + encode(token)))
                .with("expiresAt", expiresAt);
    }

    /** A passkey has its own wording; any other factor is the authenticator app's. */
    private static String factorAlert(String factor, String change) {
        return ("passkey".equals(factor) ? "passkey-" : "second-factor-") + change;
    }

    private static Message securityAlert(String reason, Instant at) {
        return Message.of(Template.SECURITY_ALERT).variant(reason).with("at", at);
    }

    private static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
