package com.lightpress.users.web;

import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.Role;
import com.lightpress.users.UserId;
import com.lightpress.users.account.AccountManagement;
import com.lightpress.users.account.AccountPage;
import com.lightpress.users.account.AccountView;
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

    @GetMapping
    AccountPage search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        return accounts.search(q, cursor, limit);
    }

    @GetMapping("/{id}")
    AccountView get(@PathVariable UUID id) {
        return accounts.view(new UserId(id));
    }

    @PutMapping("/{id}/roles")
    AccountView changeRoles(AuthenticatedUser admin, @PathVariable UUID id, @Valid @RequestBody RolesRequest request) {
        return accounts.changeRoles(new UserId(admin.id()), new UserId(id), request.roles());
    }

    @PostMapping("/{id}/disable")
    AccountView disable(AuthenticatedUser admin, @PathVariable UUID id) {
        return accounts.disable(new UserId(admin.id()), new UserId(id));
    }

    @PostMapping("/{id}/enable")
    AccountView enable(@PathVariable UUID id) {
        return accounts.enable(new UserId(id));
    }

    record RolesRequest(@NotNull Set<Role> roles) {}
}
