package com.lightpress.auth.web;

import com.lightpress.auth.credentials.Authorizations;
import com.lightpress.users.UserId;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Lets an admin end every login of a user at once, for example after a reported compromise. */
@RestController
class LoginAdminController {

    private final Authorizations authorizations;

    LoginAdminController(Authorizations authorizations) {
        this.authorizations = authorizations;
    }

    @Operation(
            summary = "End the logins of a user",
            description =
                    "Revokes every refresh token and browser session of the user; access tokens expire within minutes.")
    @DeleteMapping("/api/admin/auth/users/{id}/logins")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endLogins(@PathVariable UUID id) {
        authorizations.revokeAll(new UserId(id));
    }
}
