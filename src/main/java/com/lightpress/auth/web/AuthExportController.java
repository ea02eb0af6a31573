package com.lightpress.auth.web;

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
 * Auth's part of a user's data export for the process that runs users when that is another
 * one (the internal endpoint behind auth's remote adapter of users' {@link PersonalData}).
 */
@RestController
class AuthExportController {

    private final PersonalData data;

    AuthExportController(List<PersonalData> sections) {
        this.data = sections.stream()
                .filter(section -> section.section().equals("auth"))
                .findFirst()
                .orElseThrow();
    }

    @Operation(
            summary = "Export auth's part of a user's data",
            description =
                    "What auth holds about the user, for the data export of a users module running in another process.")
    @ApiExample(
            response = "{\"email\": \"ada@example.com\", \"emailVerified\": true, \"disabled\": false,"
                    + " \"passwordChangedAt\": \"2026-11-30T09:41:00Z\"}")
    @GetMapping("/internal/auth/personal-data/{userId}")
    Object personalData(@PathVariable UUID userId) {
        return data.exportFor(new UserId(userId));
    }
}
