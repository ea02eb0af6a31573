package com.lightpress.auth.web;

import com.lightpress.auth.credentials.SignUp;
import com.lightpress.platform.ApiExample;
import com.lightpress.platform.ApiProblems;
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

/** Sign-up; its answer is the same whether or not the address was already registered. */
@RestController
class SignUpController {

    static final Map<String, String> ACCEPTED = Map.of("status", "Check your inbox: we sent you an email to continue.");

    private final SignUp signUp;

    SignUpController(SignUp signUp) {
        this.signUp = signUp;
    }

    @Operation(
            summary = "Sign up",
            description =
                    "Creates an account and sends a verification email. Answers 202 alike for a new and an already registered address, so the answer tells nobody whether an account exists. Then log in through the oauth2 scheme's authorization code flow.")
    @ApiProblems({429})
    @ApiExample(response = "{\"status\": \"Check your inbox: we sent you an email to continue.\"}")
    @PostMapping("/api/auth/signup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> signUp(@Valid @RequestBody SignUpRequest request, HttpServletRequest http) {
        signUp.signUp(request.email(), request.password(), request.displayName(), http.getRemoteAddr());
        return ACCEPTED;
    }

    record SignUpRequest(
            @NotBlank @Email @Size(max = 254) String email,

            @Schema(example = "correct-horse-battery-staple") @NotBlank @Size(min = 12, max = 128)
            String password,

            @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 100)
            String displayName) {

        /** Trims the email before it is validated, so surrounding spaces are not an error. */
        SignUpRequest {
            email = email == null ? null : email.strip();
        }
    }
}
