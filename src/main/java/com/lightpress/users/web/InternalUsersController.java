package com.lightpress.users.web;

import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import com.lightpress.users.UserProfile;
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

    @GetMapping("/internal/users/{id}")
    UserProfile profile(@PathVariable UUID id) {
        return accounts.findProfile(new UserId(id)).orElseThrow(NoSuchAccount::new);
    }

    @PostMapping("/internal/users")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void register(@Valid @RequestBody Registration registration) {
        accounts.register(new UserId(registration.id()), registration.email(), registration.displayName());
    }

    @PostMapping("/internal/users/{id}/email-confirmation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmEmail(@PathVariable UUID id) {
        accounts.confirmEmail(new UserId(id));
    }

    /** No account has the id; answered 404. */
    static class NoSuchAccount extends RuntimeException {}

    record Registration(
            @NotNull UUID id,
            @NotBlank String email,
            @NotBlank String displayName) {}
}
