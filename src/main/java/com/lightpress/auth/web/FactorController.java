package com.lightpress.auth.web;

import com.lightpress.auth.credentials.CredentialManagement;
import com.lightpress.auth.factors.Enrolment;
import com.lightpress.auth.factors.FactorStatus;
import com.lightpress.auth.factors.SecondFactors;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's second factors: enrol an authenticator app (QR code and secret, confirmed
 * by a first code), remove it, and get new recovery codes. Removing and regenerating need a
 * login that proved the second factor (see the step-up paths in auth's configuration).
 */
@RestController
@RequestMapping("/api/auth/factors")
class FactorController {

    private final SecondFactors factors;
    private final CredentialManagement credentials;

    FactorController(SecondFactors factors, CredentialManagement credentials) {
        this.factors = factors;
        this.credentials = credentials;
    }

    @GetMapping
    FactorStatus status(AuthenticatedUser user) {
        return factors.status(new UserId(user.id()));
    }

    @PostMapping("/authenticator-app")
    Enrolment startAuthenticatorApp(AuthenticatedUser user) {
        var id = new UserId(user.id());
        var email = credentials.find(id).map(it -> it.email()).orElse(id.value().toString());
        return factors.startAuthenticatorApp(id, email);
    }

    @PostMapping("/authenticator-app/confirm")
    RecoveryCodesView confirmAuthenticatorApp(AuthenticatedUser user, @Valid @RequestBody CodeRequest request) {
        return new RecoveryCodesView(factors.confirmAuthenticatorApp(new UserId(user.id()), request.code()));
    }

    @DeleteMapping("/authenticator-app")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeAuthenticatorApp(AuthenticatedUser user) {
        factors.removeAuthenticatorApp(new UserId(user.id()));
    }

    @PostMapping("/recovery-codes")
    RecoveryCodesView regenerateRecoveryCodes(AuthenticatedUser user) {
        return new RecoveryCodesView(factors.regenerateRecoveryCodes(new UserId(user.id())));
    }

    record CodeRequest(@NotBlank @Size(max = 16) String code) {}

    /** Recovery codes, shown this once: only their digests are kept. */
    record RecoveryCodesView(List<String> recoveryCodes) {}
}
