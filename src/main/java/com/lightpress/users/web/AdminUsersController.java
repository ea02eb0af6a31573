package com.lightpress.users.web;

import com.lightpress.platform.ApiProblems;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.Role;
import com.lightpress.users.UserId;
import com.lightpress.users.account.AccountManagement;
import com.lightpress.users.account.AccountPage;
import com.lightpress.users.account.AccountView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Account administration; the platform lets only ADMINs in. */
@RestController
@RequestMapping("/api/admin/users")
class AdminUsersController {

    private final AccountManagement accounts;

    AdminUsersController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @Operation(
            summary = "Search accounts",
            description =
                    "Accounts whose email or display name contains q, newest first, a page at a time: pass the nextCursor of a page as cursor to read the next one.")
    @GetMapping
    AccountPage search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        return accounts.search(q, cursor, limit);
    }

    @Operation(summary = "Read an account", description = "One account with its roles and status.")
    @GetMapping("/{id}")
    AccountView get(@PathVariable UUID id) {
        return accounts.view(new UserId(id));
    }

    @Operation(
            summary = "Set the roles of an account",
            description = "Replaces the account's roles. 409 when the last admin would lose the ADMIN role.")
    @ApiProblems({409})
    @PutMapping("/{id}/roles")
    AccountView changeRoles(AuthenticatedUser admin, @PathVariable UUID id, @Valid @RequestBody RolesRequest request) {
        return accounts.changeRoles(new UserId(admin.id()), new UserId(id), request.roles());
    }

    @Operation(
            summary = "Disable an account",
            description = "Disables the account and ends its logins. 409 for an admin disabling themselves.")
    @ApiProblems({409})
    @PostMapping("/{id}/disable")
    AccountView disable(AuthenticatedUser admin, @PathVariable UUID id) {
        return accounts.disable(new UserId(admin.id()), new UserId(id));
    }

    @Operation(summary = "Enable an account", description = "Makes a disabled account usable again.")
    @PostMapping("/{id}/enable")
    AccountView enable(@PathVariable UUID id) {
        return accounts.enable(new UserId(id));
    }

    record RolesRequest(@NotNull Set<Role> roles) {}
}
