package com.lightpress.auth.web;

import com.lightpress.auth.credentials.CredentialManagement;
import com.lightpress.platform.ApiExample;
import com.lightpress.platform.ApiProblems;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Email verification, password reset and password change. */
@RestController
class CredentialController {

    private final CredentialManagement credentials;

    CredentialController(CredentialManagement credentials) {
        this.credentials = credentials;
    }

    @Operation(
            summary = "Verify an email address",
            description =
                    "Confirms the address with the token from the verification email; 400 naming token when it is unknown or expired.")
    @PostMapping("/api/auth/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verifyEmail(@Valid @RequestBody TokenRequest request) {
        credentials.verifyEmail(request.token());
    }

    @Operation(
            summary = "Send the verification email again",
            description =
                    "Sends a new verification link to the signed-in user; 429 with Retry-After when asked again too soon.")
    @ApiProblems({429})
    @PostMapping("/api/auth/verify-email/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resendVerification(AuthenticatedUser user) {
        credentials.resendVerification(new UserId(user.id()));
    }

    @Operation(
            summary = "Ask for a password reset",
            description = "Sends a reset link if the address is registered; answers 202 alike either way.")
    @ApiProblems({429})
    @ApiExample(response = "{\"status\": \"Check your inbox: we sent you an email to continue.\"}")
    @PostMapping("/api/auth/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> requestPasswordReset(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        credentials.requestPasswordReset(request.email(), http.getRemoteAddr());
        return SignUpController.ACCEPTED;
    }

    @Operation(
            summary = "Set a new password with a reset token",
            description = "Sets the password with the token from the reset email and ends every login of the account.")
    @PostMapping("/api/auth/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@Valid @RequestBody ResetConfirmation request) {
        credentials.resetPassword(request.token(), request.newPassword());
    }

    @Operation(
            summary = "Change my password",
            description =
                    "Changes the signed-in user's password; 400 naming currentPassword when it is wrong, newPassword when it is too weak.")
    @ApiProblems({429})
    @PostMapping("/api/auth/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(AuthenticatedUser user, @Valid @RequestBody PasswordChange request) {
        credentials.changePassword(new UserId(user.id()), request.currentPassword(), request.newPassword());
    }

    record TokenRequest(
            @Schema(example = "DslxI05yIeWReFD1PvoFfuTM8nnITx5qutrRqjjnR44") @NotBlank @Size(max = 100)
            String token) {}

    record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {}

    record ResetConfirmation(
            @Schema(example = "DslxI05yIeWReFD1PvoFfuTM8nnITx5qutrRqjjnR44") @NotBlank @Size(max = 100)
            String token,

            @Schema(example = "staple-orbit-lantern-42") @NotBlank @Size(min = 12, max = 128)
            String newPassword) {}

    record PasswordChange(
            @Schema(example = "correct horse battery") @NotBlank @Size(max = 128)
            String currentPassword,

            @Schema(example = "staple-orbit-lantern-42") @NotBlank @Size(min = 12, max = 128)
            String newPassword) {}
}
