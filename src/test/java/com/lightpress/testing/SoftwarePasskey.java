package com.lightpress.testing;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A passkey authenticator in software for tests without a browser: it answers WebAuthn options
 * the way an authenticator and a browser at {@code origin} together would (a discoverable ES256
 * key, "none" attestation, user verified), so registration and sign-in go through webauthn4j's
 * real checks. The browser tests use Chromium's virtual authenticator instead.
 */
public final class SoftwarePasskey {

    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String origin;
    private final String rpId;
    private final KeyPair keys;
    private final byte[] id = new byte[16];
    private byte[] userHandle = new byte[0];
    private long counter;

    public SoftwarePasskey(String origin) {
        this.origin = origin;
        this.rpId = URI.create(origin).getHost();
        new SecureRandom().nextBytes(id);
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String id() {
        return B64.encodeToString(id);
    }

    /** The credential {@code navigator.credentials.create} would answer, as the API takes it. */
    public Map<String, Object> create(JsonNode options) {
        userHandle =
                Base64.getUrlDecoder().decode(options.path("user").path("id").asString());
        var clientData = clientData("webauthn.create", options.path("challenge").asString());
        var key = EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256);
        var flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT);
        var authData = new AuthenticatorData<RegistrationExtensionAuthenticatorOutput>(
                sha256(rpId.getBytes(StandardCharsets.UTF_8)),
                flags,
                0,
                new AttestedCredentialData(AAGUID.ZERO, id, key));
        var attestation = new AttestationObjectConverter(CONVERTER)
                .convertToBytes(new AttestationObject(authData, new NoneAttestationStatement()));
        return Map.of(
                "id", id(),
                "rawId", id(),
                "type", "public-key",
                "response",
                        Map.of(
                                "attestationObject", B64.encodeToString(attestation),
                                "clientDataJSON", B64.encodeToString(clientData),
                                "transports", List.of("internal")),
                "clientExtensionResults", Map.of());
    }

    /** The assertion {@code navigator.credentials.get} would answer, as Spring's login endpoint takes it. */
    public Map<String, Object> get(JsonNode options) {
        var clientData = clientData("webauthn.get", options.path("challenge").asString());
        counter++;
        var flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV);
        var authData = new AuthenticatorDataConverter(CONVERTER)
                .convert(new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags, counter));
        try {
            var signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(authData);
            signature.update(sha256(clientData));
            return Map.of(
                    "id", id(),
                    "rawId", id(),
                    "type", "public-key",
                    "response",
                            Map.of(
                                    "authenticatorData", B64.encodeToString(authData),
                                    "clientDataJSON", B64.encodeToString(clientData),
                                    "signature", B64.encodeToString(signature.sign()),
                                    "userHandle", B64.encodeToString(userHandle)),
                    "clientExtensionResults", Map.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] clientData(String type, String challenge) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                        + "\",\"crossOrigin\":false}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
