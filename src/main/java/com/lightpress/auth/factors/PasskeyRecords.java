package com.lightpress.auth.factors;

import com.lightpress.users.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;

/**
 * The passkeys of accounts in auth's schema, for Spring Security's WebAuthn operations (which
 * save a key when it is registered and again, with its new signature count, at every use) and
 * for the owner's list, names and removal. Only public keys are stored.
 */
@Component
class PasskeyRecords implements UserCredentialRepository {

    private static final String SELECT = "SELECT p.*, u.user_handle FROM auth.passkeys p"
            + " JOIN auth.passkey_users u ON u.credential_id = p.credential_id WHERE ";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PasskeyRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void save(CredentialRecord record) {
        var now = Timestamp.from(clock.instant());
        var saved = jdbc.update(
                """
                INSERT INTO auth.passkeys (passkey_id, credential_id, label, public_key, signature_count,
                  uv_initialized, backup_eligible, backup_state, transports, attestation_object,
                  attestation_client_data_json, created_at, last_used_at)
                SELECT ?, u.credential_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM auth.passkey_users u WHERE u.user_handle = ?
                ON CONFLICT (passkey_id) DO UPDATE SET signature_count = EXCLUDED.signature_count,
                  backup_state = EXCLUDED.backup_state, last_used_at = EXCLUDED.last_used_at
                  WHERE auth.passkeys.credential_id = EXCLUDED.credential_id
                """,
                record.getCredentialId().getBytes(),
                record.getLabel(),
                record.getPublicKey().getBytes(),
                record.getSignatureCount(),
                record.isUvInitialized(),
                record.isBackupEligible(),
                record.isBackupState(),
                record.getTransports().stream()
                        .map(AuthenticatorTransport::getValue)
                        .collect(Collectors.joining(",")),
                bytes(record.getAttestationObject()),
                bytes(record.getAttestationClientDataJSON()),
                now,
                now,
                record.getUserEntityUserId().getBytes());
        if (saved != 1) {
            throw new IllegalStateException("The passkey belongs to no account of this user handle");
        }
    }

    @Override
    public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
        return jdbc
                .query(SELECT + "p.passkey_id = ?", PasskeyRecords::record, (Object) credentialId.getBytes())
                .stream()
                .findFirst()
                .orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return jdbc.query(
                SELECT + "u.user_handle = ? ORDER BY p.created_at", PasskeyRecords::record, (Object) userId.getBytes());
    }

    @Override
    public void delete(Bytes credentialId) {
        jdbc.update("DELETE FROM auth.passkeys WHERE passkey_id = ?", (Object) credentialId.getBytes());
    }

    List<Passkey> of(UserId user) {
        return jdbc.query(
                "SELECT passkey_id, label, created_at, last_used_at FROM auth.passkeys WHERE credential_id = ?"
                        + " ORDER BY created_at, passkey_id",
                (rs, row) -> new Passkey(
                        new Bytes(rs.getBytes(1)).toBase64UrlString(),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()),
                user.value());
    }

    boolean any(UserId user) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM auth.passkeys WHERE credential_id = ?)", Boolean.class, user.value()));
    }

    boolean rename(UserId user, Bytes id, String label) {
        return jdbc.update(
                        "UPDATE auth.passkeys SET label = ? WHERE credential_id = ? AND passkey_id = ?",
                        label,
                        user.value(),
                        id.getBytes())
                == 1;
    }

    boolean remove(UserId user, Bytes id) {
        return jdbc.update(
                        "DELETE FROM auth.passkeys WHERE credential_id = ? AND passkey_id = ?",
                        user.value(),
                        id.getBytes())
                == 1;
    }

    private static CredentialRecord record(ResultSet rs, int row) throws SQLException {
        var transports = rs.getString("transports");
        return ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .credentialId(new Bytes(rs.getBytes("passkey_id")))
                .userEntityUserId(new Bytes(rs.getBytes("user_handle")))
                .publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
                .signatureCount(rs.getLong("signature_count"))
                .uvInitialized(rs.getBoolean("uv_initialized"))
                .backupEligible(rs.getBoolean("backup_eligible"))
                .backupState(rs.getBoolean("backup_state"))
                .transports(
                        transports.isEmpty()
                                ? java.util.Set.of()
                                : Arrays.stream(transports.split(","))
                                        .map(AuthenticatorTransport::valueOf)
                                        .collect(Collectors.toSet()))
                .attestationObject(bytesOrNull(rs.getBytes("attestation_object")))
                .attestationClientDataJSON(bytesOrNull(rs.getBytes("attestation_client_data_json")))
                .label(rs.getString("label"))
                .created(rs.getTimestamp("created_at").toInstant())
                .lastUsed(rs.getTimestamp("last_used_at").toInstant())
                .build();
    }

    private static byte @Nullable [] bytes(@Nullable Bytes bytes) {
        return bytes == null ? null : bytes.getBytes();
    }

    private static @Nullable Bytes bytesOrNull(byte @Nullable [] bytes) {
        return bytes == null ? null : new Bytes(bytes);
    }
}
