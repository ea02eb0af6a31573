package com.lightpress.users.web;

import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import com.lightpress.users.UserProfile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The signed-in user's own profile. */
@RestController
@RequestMapping("/api/users/me")
class ProfileController {

    private final UserAccounts accounts;

    ProfileController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    UserProfile me(AuthenticatedUser user) {
        return accounts.findProfile(new UserId(user.id()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such account."));
    }
}
