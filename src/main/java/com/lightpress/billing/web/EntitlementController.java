package com.lightpress.billing.web;

import com.lightpress.billing.Entitlement;
import com.lightpress.billing.Entitlements;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.UserId;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a user may use: their own entitlements for the client, and anyone's for other Lightpress
 * services (the internal endpoint behind billing's remote adapter).
 */
@RestController
class EntitlementController {

    private final Entitlements entitlements;

    EntitlementController(Entitlements entitlements) {
        this.entitlements = entitlements;
    }

    @Operation(
            summary = "Read my entitlements",
            description = "The plan and features the signed-in user is entitled to.")
    @GetMapping("/api/billing/entitlements")
    Entitlement mine(AuthenticatedUser user) {
        return entitlements.of(new UserId(user.id()));
    }

    @Operation(
            summary = "Read a user's entitlements",
            description = "The plan and features of a user, for a module running in another process.")
    @GetMapping("/internal/billing/entitlements/{userId}")
    Entitlement of(@PathVariable UUID userId) {
        return entitlements.of(new UserId(userId));
    }
}
