package com.lightpress.auth.web;

import com.lightpress.auth.factors.Passkey;
import com.lightpress.auth.factors.Passkeys;
import com.lightpress.platform.ApiExample;
import com.lightpress.platform.ApiProblems;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's passkeys: register one in two calls (options, then the browser's answer),
 * list, rename and remove them. Adding and removing need a login that proved the second factor
 * when the account has one, since a passkey signs in by itself. The account's first second factor
 * brings its recovery codes, so registering a first passkey answers them, this once.
 */
@RestController
@RequestMapping("/api/auth/factors/passkeys")
class PasskeyController {

    private final Passkeys passkeys;

    private static final String OPTIONS_EXAMPLE = """
            {"rp": {"id": "app.example.com", "name": "Lightpress"},
             "user": {"id": "q3v0bY4kQ2mX8n1sZrT7uA", "name": "ada@example.com", "displayName": "Ada"},
             "challenge": "mZ0b2Jq4Xv8yN3kR7tLw1A", "pubKeyCredParams": [{"type": "public-key", "alg": -7}],
             "timeout": 300000, "excludeCredentials": [],
             "authenticatorSelection": {"residentKey": "required", "userVerification": "required"},
             "attestation": "none"}""";

    private static final String REGISTRATION_EXAMPLE = """
            {"name": "Work laptop",
             "credential": {"id": "Ab3kX9_q2LwQyH1uZr7mVw", "rawId": "Ab3kX9_q2LwQyH1uZr7mVw", "type": "public-key",
              "response": {"attestationObject": "o2NmbXRkbm9uZWdhdHRTdG10oGhhdXRoRGF0YVi4",
               "clientDataJSON": "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0", "transports": ["internal"]},
              "clientExtensionResults": {}, "authenticatorAttachment": "platform"}}""";

    private static final String LIST_EXAMPLE = """
            [{"id": "Ab3kX9_q2LwQyH1uZr7mVw", "name": "Work laptop",
              "createdAt": "2026-11-30T09:41:00Z", "lastUsedAt": "2026-12-02T18:05:00Z"}]""";

    PasskeyController(Passkeys passkeys) {
        this.passkeys = passkeys;
    }

    @Operation(
            summary = "My passkeys",
            description = "Each passkey's id, name, when it was added and when it last signed in; never a key.")
    @ApiProblems({})
    @ApiExample(response = LIST_EXAMPLE)
    @GetMapping
    List<Passkey> list(AuthenticatedUser user) {
        return passkeys.list(new UserId(user.id()));
    }

    @Operation(
            summary = "Start registering a passkey",
            description = "Answers WebAuthn's PublicKeyCredentialCreationOptions (binary values in base64url) for"
                    + " navigator.credentials.create; they replace any registration begun before and last five"
                    + " minutes. Needs the second factor of an account that has one.")
    @ApiProblems({})
    @ApiResponse(
            responseCode = "200",
            description = "WebAuthn's PublicKeyCredentialCreationOptions, as JSON",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Object.class)))
    @ApiExample(response = OPTIONS_EXAMPLE)
    @PostMapping("/options")
    Map<String, Object> registrationOptions(AuthenticatedUser user) {
        return passkeys.registrationOptions(new UserId(user.id()));
    }

    @Operation(
            summary = "Register a passkey",
            description = "Finishes the registration with the browser's PublicKeyCredential (binary values in"
                    + " base64url) and the name the user gives the passkey; 400 naming credential when no"
                    + " registration is waiting or the answer does not prove a new passkey for it. When the"
                    + " passkey is the account's first second factor, the answer carries the account's ten"
                    + " recovery codes (recoveryCodes), shown this once; otherwise it has no recoveryCodes"
                    + " and the account keeps the codes it has.")
    @ApiProblems({})
    @ApiExample(request = REGISTRATION_EXAMPLE)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Passkey register(AuthenticatedUser user, @Valid @RequestBody Registration registration) {
        return passkeys.register(
                new UserId(user.id()),
                registration.name(),
                registration.credential().asJson());
    }

    @Operation(
            summary = "Rename a passkey",
            description = "Gives one of my passkeys another name; 404 for an id that is not one of mine.")
    @ApiProblems({})
    @PatchMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void rename(AuthenticatedUser user, @PathVariable String id, @Valid @RequestBody Naming naming) {
        passkeys.rename(new UserId(user.id()), id, naming.name());
    }

    @Operation(
            summary = "Remove a passkey",
            description =
                    "Removes one of my passkeys; it signs in no more. Needs a login that proved the second"
                            + " factor (401 insufficient_user_authentication otherwise); 404 for an id that is not one of mine.")
    @ApiProblems({})
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(AuthenticatedUser user, @PathVariable String id) {
        passkeys.remove(new UserId(user.id()), id);
    }

    /**
     * @param name what the user calls the passkey, such as the device it is on
     * @param credential the PublicKeyCredential from navigator.credentials.create
     */
    record Registration(
            @NotBlank @Size(max = 64) String name,
            @NotNull @Valid NewCredential credential) {}

    /**
     * WebAuthn's PublicKeyCredential of a new passkey, binary values in base64url.
     *
     * @param clientExtensionResults what getClientExtensionResults() answered
     */
    record NewCredential(
            @NotBlank @Size(max = 1400) String id,
            @NotBlank @Size(max = 1400) String rawId,
            @NotBlank @Size(max = 32) String type,
            @NotNull @Valid AttestationResponse response,
            @Nullable Map<String, Object> clientExtensionResults,
            @Nullable @Size(max = 32) String authenticatorAttachment) {

        Map<String, Object> asJson() {
            var json = new LinkedHashMap<String, Object>();
            json.put("id", id);
            json.put("rawId", rawId);
            json.put("type", type);
            var answer = new LinkedHashMap<String, Object>();
            answer.put("attestationObject", response.attestationObject());
            answer.put("clientDataJSON", response.clientDataJSON());
            answer.put("transports", response.transports() == null ? List.of() : response.transports());
            json.put("response", answer);
            json.put("clientExtensionResults", clientExtensionResults == null ? Map.of() : clientExtensionResults);
            if (authenticatorAttachment != null) {
                json.put("authenticatorAttachment", authenticatorAttachment);
            }
            return json;
        }
    }

    /** The authenticator's answer to a registration, binary values in base64url. */
    record AttestationResponse(
            @NotBlank @Size(max = 16384) String attestationObject,
            @NotBlank @Size(max = 4096) String clientDataJSON,
            @Nullable List<@Size(max = 32) String> transports) {}

    record Naming(
            @Schema(example = "Phone") @NotBlank @Size(max = 64)
            String name) {}
}
