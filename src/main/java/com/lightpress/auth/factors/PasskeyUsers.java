package com.lightpress.auth.factors;

import com.lightpress.users.UserId;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/**
 * The WebAuthn user handle of each account, in auth's schema: a random id that passkeys carry
 * instead of anything personal. Spring Security asks for a user by the login's name, which in
 * Lightpress is the account id; the entity it gets names the account by its email, which is what
 * browsers show in their passkey lists.
 */
@Component
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

    private static final String SELECT = "SELECT u.user_handle, c.email FROM auth.passkey_users u"
            + " JOIN auth.credentials c ON c.id = u.credential_id WHERE ";

    private final JdbcTemplate jdbc;

    PasskeyUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Gives the account a user handle unless it has one. */
    void ensure(UserId user) {
        jdbc.update(
                "INSERT INTO auth.passkey_users (credential_id, user_handle) VALUES (?, ?)"
                        + " ON CONFLICT (credential_id) DO NOTHING",
                user.value(),
                Bytes.random().getBytes());
    }

    Optional<UserId> ownerOf(Bytes userHandle) {
        return jdbc
                .query(
                        "SELECT credential_id FROM auth.passkey_users WHERE user_handle = ?",
                        (rs, row) -> new UserId(rs.getObject(1, UUID.class)),
                        (Object) userHandle.getBytes())
                .stream()
                .findFirst();
    }

    @Override
    public @Nullable PublicKeyCredentialUserEntity findById(Bytes id) {
        return first(SELECT + "u.user_handle = ?", id.getBytes());
    }

    @Override
    public @Nullable PublicKeyCredentialUserEntity findByUsername(String username) {
        return accountId(username)
                .map(id -> first(SELECT + "u.credential_id = ?", id))
                .orElse(null);
    }

    /** Only reached when Spring Security makes the entity itself; its name is then the account id. */
    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
        var account = accountId(userEntity.getName())
                .orElseThrow(() -> new IllegalArgumentException("A passkey user must name an account id"));
        jdbc.update(
                "INSERT INTO auth.passkey_users (credential_id, user_handle) VALUES (?, ?)"
                        + " ON CONFLICT (credential_id) DO NOTHING",
                account,
                userEntity.getId().getBytes());
    }

    @Override
    public void delete(Bytes id) {
        jdbc.update("DELETE FROM auth.passkey_users WHERE user_handle = ?", (Object) id.getBytes());
    }

    private @Nullable PublicKeyCredentialUserEntity first(String sql, Object key) {
        return jdbc
                .query(
                        sql,
                        (rs, row) -> ImmutablePublicKeyCredentialUserEntity.builder()
                                .id(new Bytes(rs.getBytes(1)))
                                .name(rs.getString(2))
                                .displayName(rs.getString(2))
                                .build(),
                        key)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static Optional<UUID> accountId(String name) {
        try {
            return Optional.of(UUID.fromString(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
