package com.lightpress.billing.web;

import com.lightpress.platform.ApiExample;
import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Billing's part of a user's data export for the process that runs users when that is another
 * one (the internal endpoint behind billing's remote adapter of users' {@link PersonalData}).
 */
@RestController
class BillingExportController {

    private final PersonalData data;

    BillingExportController(List<PersonalData> sections) {
        this.data = sections.stream()
                .filter(section -> section.section().equals("billing"))
                .findFirst()
                .orElseThrow();
    }

    @Operation(
            summary = "Export billing's part of a user's data",
            description =
                    "What billing holds about the user, for the data export of a users module running in another process.")
    @ApiExample(
            response =
                    "{\"customer\": {\"stripeCustomerId\": \"cus_RQ2lXzv9kH3b7c\", \"createdAt\": \"2026-11-30T09:41:00Z\"},"
                            + " \"subscriptions\": [], \"invoices\": []}")
    @GetMapping("/internal/billing/personal-data/{userId}")
    Object personalData(@PathVariable UUID userId) {
        return data.exportFor(new UserId(userId));
    }
}
