package com.lightpress.auth.web;

import com.lightpress.auth.credentials.CredentialManagement;
import com.lightpress.auth.factors.Enrolment;
import com.lightpress.auth.factors.FactorStatus;
import com.lightpress.auth.factors.SecondFactors;
import com.lightpress.platform.ApiProblems;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
 * by a first code), remove it, and get new recovery codes, which belong to any second factor (an
 * app or a passkey). Removing and regenerating need a login that proved the second factor (see
 * the step-up paths in auth's configuration).
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

    @Operation(
            summary = "My second factors",
            description = "Whether an authenticator app is set up and since when, how many passkeys I have, and how"
                    + " many recovery codes are left (an account with an app or a passkey has them).")
    @GetMapping
    FactorStatus status(AuthenticatedUser user) {
        return factors.status(new UserId(user.id()));
    }

    @Operation(
            summary = "Start setting up an authenticator app",
            description =
                    "Answers the secret and a QR code drawn by Lightpress; the app counts only once confirmed with a first code.")
    @ApiProblems({409})
    @PostMapping("/authenticator-app")
    Enrolment startAuthenticatorApp(AuthenticatedUser user) {
        var id = new UserId(user.id());
        var email = credentials.find(id).map(it -> it.email()).orElse(id.value().toString());
        return factors.startAuthenticatorApp(id, email);
    }

    @Operation(
            summary = "Confirm the authenticator app",
            description =
                    "Confirms the app with a first code. When the app is the account's first second factor it answers ten"
                            + " recovery codes, shown this once; an account with a passkey keeps the codes it has and gets"
                            + " an empty list. 400 naming code when it is wrong.")
    @ApiProblems({409, 429})
    @PostMapping("/authenticator-app/confirm")
    RecoveryCodesView confirmAuthenticatorApp(AuthenticatedUser user, @Valid @RequestBody CodeRequest request) {
        return new RecoveryCodesView(factors.confirmAuthenticatorApp(new UserId(user.id()), request.code()));
    }

    @Operation(
            summary = "Remove the authenticator app",
            description =
                    "Removes the app, and the recovery codes when it was the account's last second factor (they stay"
                            + " while a passkey remains); needs a login that proved the second factor (401"
                            + " insufficient_user_authentication otherwise); 404 without an app.")
    @ApiProblems({404})
    @DeleteMapping("/authenticator-app")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeAuthenticatorApp(AuthenticatedUser user) {
        factors.removeAuthenticatorApp(new UserId(user.id()));
    }

    @Operation(
            summary = "Renew my recovery codes",
            description =
                    "Replaces every recovery code with ten new ones, shown this once, for an account with an authenticator"
                            + " app or a passkey (404 without either); needs a login that proved the second factor.")
    @ApiProblems({404})
    @PostMapping("/recovery-codes")
    RecoveryCodesView regenerateRecoveryCodes(AuthenticatedUser user) {
        return new RecoveryCodesView(factors.regenerateRecoveryCodes(new UserId(user.id())));
    }

    record CodeRequest(
            @Schema(example = "492039") @NotBlank @Size(max = 16)
            String code) {}

    /** Recovery codes, shown this once: only their digests are kept. */
    record RecoveryCodesView(
            @Schema(example = "[\"k7m2p-x9qrt\", \"3hfwz-q8n4c\", \"m5tye-2dkpa\"]")
            List<String> recoveryCodes) {}
}
