package com.lightpress.auth.web;

import com.lightpress.auth.AuthProtocol;
import com.lightpress.platform.ApiExample;
import com.lightpress.platform.ApiProblems;
import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Auth's sections of a user's data export for the process that runs users when that is another
 * one (the internal endpoint behind auth's remote adapters of users' {@link PersonalData}): each
 * section is answered by the same {@link PersonalData} that fills it in one process, so a split
 * deployment exports what the monolith does.
 */
@RestController
class AuthExportController {

    private final Map<String, PersonalData> sections;

    AuthExportController(List<PersonalData> sections) {
        this.sections = sections.stream()
                .filter(section -> AuthProtocol.PERSONAL_DATA_SECTIONS.contains(section.section()))
                .collect(Collectors.toMap(PersonalData::section, Function.identity()));
    }

    @Operation(
            summary = "Export a section of auth's part of a user's data",
            description = "One of auth's sections of the user's data export, for the data export of a users module"
                    + " running in another process: auth (the login identity) or secondFactors (names and dates of"
                    + " passkeys, the authenticator app and how many recovery codes are left, never a secret);"
                    + " 404 for any other section.")
    @ApiProblems({404})
    @ApiExample(
            response = "{\"passkeys\": [{\"name\": \"Work laptop\", \"createdAt\": \"2026-11-30T09:41:00Z\","
                    + " \"lastUsedAt\": \"2026-12-02T18:05:00Z\"}],"
                    + " \"authenticator-app\": {\"addedAt\": \"2026-11-30T09:41:00Z\"},"
                    + " \"recoveryCodes\": {\"left\": 9, \"createdAt\": \"2026-11-30T09:41:00Z\"}}")
    @GetMapping(AuthProtocol.PERSONAL_DATA_PATH)
    Object section(
            @PathVariable UUID userId,
            @Parameter(
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                AuthProtocol.IDENTITY_SECTION,
                                                AuthProtocol.FACTORS_SECTION
                                            }))
                    @PathVariable
                    String section) {
        var data = sections.get(section);
        if (data == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Auth has no such section of personal data.");
        }
        return data.exportFor(new UserId(userId));
    }

    @Operation(
            summary = "Export auth's part of a user's data",
            description = "The login identity (the auth section) alone, for users modules of the previous release"
                    + " during a rolling deployment; newer ones ask for each section.",
            deprecated = true)
    @ApiExample(
            response = "{\"email\": \"ada@example.com\", \"emailVerified\": true, \"disabled\": false,"
                    + " \"passwordChangedAt\": \"2026-11-30T09:41:00Z\"}")
    @GetMapping("/internal/auth/personal-data/{userId}")
    Object personalData(@PathVariable UUID userId) {
        return section(userId, AuthProtocol.IDENTITY_SECTION);
    }
}
