package com.lightpress.users.web;

import com.lightpress.platform.ApiExample;
import com.lightpress.platform.ApiProblems;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.AccountStatus;
import com.lightpress.users.UserId;
import com.lightpress.users.account.AccountManagement;
import com.lightpress.users.account.AccountView;
import com.lightpress.users.account.DataExport;
import com.lightpress.users.account.ProfileChanges;
import com.lightpress.users.account.VersionedAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The signed-in user's own account: read and change the profile with optimistic concurrency
 * (ETag and If-Match), export everything Lightpress holds about them, close the account.
 */
@RestController
@RequestMapping("/api/users/me")
class ProfileController {

    /** The data export, one section per module (empty where a module holds nothing). */
    private static final String EXPORT_EXAMPLE = "{\"auth\": {\"email\": \"ada@example.com\", \"emailVerified\": true,"
            + " \"disabled\": false}, \"billing\": {\"customer\": null, \"subscriptions\": [], \"invoices\": []},"
            + " \"notifications\": {\"preferences\": {\"disabled\": [], \"quietHours\": {}}, \"inbox\": [],"
            + " \"emails\": []}, \"secondFactors\": {}, \"users\": {\"id\": \"6f1c2b7e-3d4a-4f5b-9c8d-0e1f2a3b4c5d\","
            + " \"email\": \"ada@example.com\", \"displayName\": \"Ada Lovelace\", \"avatarUrl\": null,"
            + " \"locale\": \"en-GB\", \"timeZone\": \"Europe/London\", \"status\": \"ACTIVE\", \"roles\": [\"USER\"],"
            + " \"createdAt\": \"2026-11-30T09:41:00Z\", \"updatedAt\": \"2026-11-30T09:41:00Z\"}}";

    private final AccountManagement accounts;
    private final DataExport export;

    ProfileController(AccountManagement accounts, DataExport export) {
        this.accounts = accounts;
        this.export = export;
    }

    @Operation(
            summary = "Read my profile",
            description =
                    "The signed-in user's account. The ETag response header is the version to send back in If-Match when changing it.")
    @ApiResponse(
            responseCode = "200",
            description = "The account; its ETag header is the version to send in If-Match.",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The version of the profile",
                            schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "304",
            description = "Not modified: If-None-Match names the current version.",
            content = @Content)
    @GetMapping
    @Nullable
    AccountView me(AuthenticatedUser user, ServletWebRequest request) {
        var account = active(accounts.recent(new UserId(user.id())));
        // Sets the ETag and answers 304 to a matching If-None-Match, as a ResponseEntity would,
        // without the flush that commits its response before the request ends (the body then
        // goes out in chunks): the most frequent authenticated read stays one write.
        return request.checkNotModified(ETags.of(account.version())) ? null : account.view();
    }

    @Operation(
            summary = "Change my profile",
            description =
                    "Changes the fields sent (display name, locale, time zone) and leaves the others alone. Send the ETag of the version you read in If-Match: 412 when the profile changed in between, 428 without If-Match.")
    @ApiProblems({412, 428})
    @ApiResponse(
            responseCode = "200",
            description = "The account; its ETag header is the version to send in If-Match.",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The version of the profile",
                            schema = @Schema(type = "string")))
    @PatchMapping
    ResponseEntity<AccountView> update(
            AuthenticatedUser user,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ProfileChanges changes) {
        var current = active(user);
        var expected = ETags.parse(ifMatch, current::version);
        return withETag(accounts.updateProfile(new UserId(user.id()), expected, changes));
    }

    @Operation(
            summary = "Export my data",
            description =
                    "Everything Lightpress holds about the signed-in user, as one JSON document (the right of access).")
    @ApiExample(response = EXPORT_EXAMPLE)
    @GetMapping("/export")
    Map<String, Object> export(AuthenticatedUser user) {
        active(user);
        return export.of(new UserId(user.id()));
    }

    @Operation(
            summary = "Close my account",
            description =
                    "Closes the account and erases personal data in every module. Needs a login within the last minutes: 401 with a fresh-login hint otherwise.")
    @ApiResponse(responseCode = "204", description = "The account is closed.")
    @DeleteMapping
    ResponseEntity<Void> close(AuthenticatedUser user) {
        accounts.close(new UserId(user.id()), user.authTime());
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private VersionedAccount active(AuthenticatedUser user) {
        return active(accounts.current(new UserId(user.id())));
    }

    private static VersionedAccount active(VersionedAccount account) {
        if (account.view().status() != AccountStatus.ACTIVE) {
            throw new AccountInactive();
        }
        return account;
    }

    private static ResponseEntity<AccountView> withETag(VersionedAccount account) {
        return ResponseEntity.ok().eTag(ETags.of(account.version())).body(account.view());
    }
}
