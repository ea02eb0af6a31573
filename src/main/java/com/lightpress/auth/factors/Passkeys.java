package com.lightpress.auth.factors;

import com.lightpress.auth.config.AuthSettings;
import com.lightpress.users.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An account's passkeys: registering one (options from the server, the browser's answer checked
 * by webauthn4j), naming, listing and removing them, and checking one at a sign-in. Adding and
 * removing are announced like every other second factor, and bring or take the account's
 * recovery codes when the passkey is its first or last second factor ({@link FactorChanges}).
 */
@Service
public class Passkeys {

    /** The factor named in events, emails and the export. */
    public static final String FACTOR = "passkey";

    private static final JsonMapper JSON =
            JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

    private final WebAuthnRelyingPartyOperations operations;
    private final PasskeyUsers users;
    private final PasskeyRecords records;
    private final PendingRegistrations pending;
    private final FactorChanges changes;
    private final AuthSettings.Passkeys settings;

    Passkeys(
            WebAuthnRelyingPartyOperations operations,
            PasskeyUsers users,
            PasskeyRecords records,
            PendingRegistrations pending,
            FactorChanges changes,
            AuthSettings settings) {
        this.operations = operations;
        this.users = users;
        this.records = records;
        this.pending = pending;
        this.changes = changes;
        this.settings = settings.passkeys();
    }

    /**
     * Begins a registration: WebAuthn's creation options for {@code navigator.credentials.create},
     * as the JSON object the browser needs (binary values in base64url). They replace any
     * registration the account began before.
     */
    @Transactional
    public Map<String, Object> registrationOptions(UserId user) {
        users.ensure(user);
        var login = UsernamePasswordAuthenticationToken.authenticated(user.toString(), null, List.of());
        var options = operations.createPublicKeyCredentialCreationOptions(
                new ImmutablePublicKeyCredentialCreationOptionsRequest(login));
        pending.begin(user, options, settings.registrationTimeout());
        return JSON.convertValue(options, new TypeReference<Map<String, Object>>() {});
    }

    /**
     * Finishes the account's registration with the browser's answer. The passkey answered carries
     * ten recovery codes when it is the account's first second factor.
     *
     * @param credential the {@code PublicKeyCredential} as JSON (binary values in base64url)
     * @throws InvalidPasskey when no registration is waiting, or the answer does not complete it
     */
    @Transactional(noRollbackFor = InvalidPasskey.class)
    public Passkey register(UserId user, String name, Map<String, Object> credential) {
        var answer = parse(credential);
        var options = pending.finish(user)
                .orElseThrow(() -> new InvalidPasskey(
                        "credential", "No passkey registration is waiting, or it expired: start again."));
        var record = check(options, answer, name.strip());
        var codes = changes.added(user, FACTOR);
        var id = record.getCredentialId().toBase64UrlString();
        return records.of(user).stream()
                .filter(it -> it.id().equals(id))
                .findFirst()
                .orElseThrow()
                .withRecoveryCodes(codes);
    }

    public List<Passkey> list(UserId user) {
        return records.of(user);
    }

    public boolean any(UserId user) {
        return records.any(user);
    }

    /** @throws PasskeyNotFound when the account has no passkey of that id */
    public void rename(UserId user, String id, String name) {
        if (!records.rename(user, bytes(id), name.strip())) {
            throw new PasskeyNotFound();
        }
    }

    /**
     * Removes the passkey, and the recovery codes if it was the account's last second factor.
     *
     * @throws PasskeyNotFound when the account has no passkey of that id
     */
    @Transactional
    public void remove(UserId user, String id) {
        if (!records.remove(user, bytes(id))) {
            throw new PasskeyNotFound();
        }
        changes.removed(user, FACTOR);
    }

    /** The account whose passkey signed this sign-in's challenge; empty when none did. */
    @Transactional
    public Optional<UserId> signIn(RelyingPartyAuthenticationRequest request) {
        try {
            return users.ownerOf(operations.authenticate(request).getId());
        } catch (DataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Has webauthn4j check the answer against the options, and saves the passkey it proves. */
    private CredentialRecord check(
            PublicKeyCredentialCreationOptions options,
            PublicKeyCredential<AuthenticatorAttestationResponse> answer,
            String name) {
        try {
            return operations.registerCredential(
                    new ImmutableRelyingPartyRegistrationRequest(options, new RelyingPartyPublicKey(answer, name)));
        } catch (DataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            // webauthn4j refuses with its own exceptions, but malformed binary or JSON inside the
            // answer can surface as the parser's or an assertion's: all mean the same bad answer
            throw new InvalidPasskey("credential", "The answer does not prove a new passkey for this registration.");
        }
    }

    private static PublicKeyCredential<AuthenticatorAttestationResponse> parse(Map<String, Object> credential) {
        try {
            return JSON.convertValue(
                    credential, new TypeReference<PublicKeyCredential<AuthenticatorAttestationResponse>>() {});
        } catch (RuntimeException e) {
            throw new InvalidPasskey("credential", "This is not a passkey credential as a browser makes it.");
        }
    }

    private static Bytes bytes(String id) {
        if (!id.matches("[A-Za-z0-9_-]{1,1400}")) {
            throw new PasskeyNotFound();
        }
        return Bytes.fromBase64(id);
    }
}
