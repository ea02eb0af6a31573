package com.lightpress.auth.factors;

import com.lightpress.auth.config.AuthSettings;
import com.lightpress.platform.PlatformSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Lightpress as a WebAuthn relying party (Spring Security's operations on webauthn4j), bound to
 * the public URL's host. Every passkey is discoverable, so it can sign in without an email, and
 * every ceremony requires user verification (a PIN or biometric on the authenticator): a passkey
 * is then two factors by itself, which is what lets it stand alone or in place of a code.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

    @Bean
    WebAuthnRelyingPartyOperations relyingPartyOperations(
            PasskeyUsers users, PasskeyRecords records, AuthSettings settings, PlatformSettings platform) {
        var passkeys = settings.passkeys();
        var rp = PublicKeyCredentialRpEntity.builder()
                .id(passkeys.rpIdFor(platform.publicUrl()))
                .name(passkeys.rpName())
                .build();
        var operations =
                new Webauthn4JRelyingPartyOperations(users, records, rp, passkeys.originsFor(platform.publicUrl()));
        operations.setCustomizeCreationOptions(
                options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .build()));
        operations.setCustomizeRequestOptions(
                options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return operations;
    }
}
