package com.lightpress.users.web;

import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import com.lightpress.users.UserProfile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The users API for services in other processes (the {@code users.remote} adapter calls it); the
 * platform admits only tokens with the {@code internal} scope here.
 */
@RestController
class InternalUsersController {

    private final UserAccounts accounts;

    InternalUsersController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Operation(
            summary = "Read a user profile",
            description = "The profile and roles of an account, for a module running in another process.")
    @GetMapping("/internal/users/{id}")
    UserProfile profile(@PathVariable UUID id) {
        return accounts.findProfile(new UserId(id)).orElseThrow(NoSuchAccount::new);
    }

    @Operation(
            summary = "Register an account",
            description =
                    "Registers the account of a user who signed up in another process; repeating the call with the same id changes nothing.")
    @PostMapping("/internal/users")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void register(@Valid @RequestBody Registration registration) {
        accounts.register(new UserId(registration.id()), registration.email(), registration.displayName());
    }

    @Operation(
            summary = "Record a confirmed email address",
            description = "Tells the users module that the account's email address was verified; safe to repeat.")
    @PostMapping("/internal/users/{id}/email-confirmation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmEmail(@PathVariable UUID id) {
        accounts.confirmEmail(new UserId(id));
    }

    /** No account has the id; answered 404. */
    static class NoSuchAccount extends RuntimeException {}

    record Registration(
            @NotNull UUID id,
            @Schema(example = "ada@example.com") @NotBlank String email,
            @Schema(example = "Ada Lovelace") @NotBlank String displayName) {}
}
