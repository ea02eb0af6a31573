package com.lightpress.auth.web;

import com.lightpress.auth.keys.SigningKeys;
import com.lightpress.platform.ApiExample;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an admin rotate the token signing key at once, for example after a suspected leak. */
@RestController
class SigningKeyController {

    private final SigningKeys keys;

    SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @Operation(
            summary = "Rotate the signing key",
            description =
                    "Starts signing tokens with a new key; the old key stays in the JWKS until its tokens have expired.")
    @ApiExample(response = "{\"kid\": \"0b3e5c1a-7d2f-4e8b-9a61-5c4d3e2f1a0b\"}")
    @PostMapping("/api/admin/auth/signing-keys/rotate")
    Map<String, String> rotate() {
        return Map.of("kid", keys.rotate());
    }
}
