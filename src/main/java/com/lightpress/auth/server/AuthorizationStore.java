package com.lightpress.auth.server;

import com.lightpress.auth.credentials.Authorizations;
import com.lightpress.auth.credentials.KeyEncryption;
import com.lightpress.auth.server.AuthorizationDocuments.Kind;
import com.lightpress.users.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Spring Authorization Server's store of authorizations, in {@code auth.authorizations}. A row
 * keeps its authorization sealed under the key-encryption key and each token only as a keyed
 * digest to find it by, so a copy of the table hands out no session. Every statement goes through
 * the application's one pool and joins the caller's transaction. Revocation keeps the row as a
 * tombstone and saves only ever update live rows, so a request that read an authorization before
 * it was revoked cannot write it back.
 */
@Component
class AuthorizationStore implements OAuth2AuthorizationService, Authorizations {

    /** How long an authorization without an end of its own, or a tombstone, is kept. */
    private static final Duration KEPT = Duration.ofDays(1);

    private static final String STATE = "state_digest";
    private static final List<String> COLUMNS =
            Arrays.stream(Kind.values()).map(AuthorizationStore::column).toList();
    private static final Map<String, String> COLUMN_BY_TYPE = Map.of(
            OAuth2ParameterNames.STATE,
            STATE,
            OAuth2ParameterNames.CODE,
            column(Kind.CODE),
            OAuth2TokenType.ACCESS_TOKEN.getValue(),
            column(Kind.ACCESS),
            OidcParameterNames.ID_TOKEN,
            column(Kind.ID_TOKEN),
            OAuth2TokenType.REFRESH_TOKEN.getValue(),
            column(Kind.REFRESH),
            OAuth2ParameterNames.USER_CODE,
            column(Kind.USER_CODE),
            OAuth2ParameterNames.DEVICE_CODE,
            column(Kind.DEVICE_CODE));
    private static final String SET_COLUMNS = "principal_name = ?, " + STATE + " = ?, "
            + COLUMNS.stream().map(column -> column + " = ?").collect(Collectors.joining(", "))
            + ", sealed_document = ?, expires_at = ?";

    private final JdbcTemplate jdbc;
    private final AuthorizationDocuments documents;
    private final KeyEncryption encryption;
    private final Clock clock;

    AuthorizationStore(JdbcTemplate jdbc, RegisteredClientRepository clients, KeyEncryption encryption, Clock clock) {
        this.jdbc = jdbc;
        this.documents = new AuthorizationDocuments(clients);
        this.encryption = encryption;
        this.clock = clock;
    }

    /**
     * Updates a live authorization or inserts a new one. An authorization revoked meanwhile is
     * neither: the request that wanted to save it fails with {@code invalid_grant}.
     */
    @Override
    public void save(OAuth2Authorization authorization) {
        var values = values(authorization);
        var update = new ArrayList<Object>(values);
        update.add(authorization.getId());
        if (jdbc.update(
                        "UPDATE auth.authorizations SET " + SET_COLUMNS + " WHERE id = ? AND revoked_at IS NULL",
                        update.toArray())
                == 1) {
            return;
        }
        var insert = new ArrayList<Object>();
        insert.add(authorization.getId());
        insert.addAll(values);
        var placeholders = String.join(", ", Collections.nCopies(insert.size(), "?"));
        var inserted = jdbc.update(
                "INSERT INTO auth.authorizations (id, principal_name, " + STATE + ", " + String.join(", ", COLUMNS)
                        + ", sealed_document, expires_at) VALUES (" + placeholders + ") ON CONFLICT (id) DO NOTHING",
                insert.toArray());
        if (inserted == 0) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "This login has been revoked.", null));
        }
    }

    /** Revokes the authorization: its row stays, without tokens, so nothing can bring it back. */
    @Override
    public void remove(OAuth2Authorization authorization) {
        jdbc.update(
                "UPDATE auth.authorizations SET " + tombstone() + " WHERE id = ? AND revoked_at IS NULL",
                now(),
                authorization.getId());
    }

    @Override
    public void revokeAll(UserId user) {
        jdbc.update(
                "UPDATE auth.authorizations SET " + tombstone() + " WHERE principal_name = ? AND revoked_at IS NULL",
                now(),
                user.toString());
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        return first("id = ?", id);
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        var digest = encryption.lookupDigest(token);
        if (tokenType == null) {
            var any = new ArrayList<String>(COLUMNS);
            any.add(STATE);
            return first("? IN (" + String.join(", ", any) + ")", digest);
        }
        var column = COLUMN_BY_TYPE.get(tokenType.getValue());
        return column == null ? null : first(column + " = ?", digest);
    }

    /** Drops tombstones and authorizations whose every token has expired. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void removeEnded() {
        var cutoff = Timestamp.from(clock.instant().minus(KEPT));
        jdbc.update("DELETE FROM auth.authorizations WHERE expires_at < ? OR revoked_at < ?", cutoff, cutoff);
    }

    private @Nullable OAuth2Authorization first(String condition, String value) {
        var sealed = jdbc.query(
                "SELECT sealed_document FROM auth.authorizations WHERE " + condition + " AND revoked_at IS NULL",
                (rs, row) -> rs.getBytes(1),
                value);
        return sealed.isEmpty() ? null : documents.read(encryption.decrypt(sealed.get(0)));
    }

    private List<Object> values(OAuth2Authorization authorization) {
        var values = new ArrayList<Object>();
        values.add(authorization.getPrincipalName());
        values.add(digestOrNull(authorization.getAttribute(OAuth2ParameterNames.STATE)));
        for (var kind : Kind.values()) {
            values.add(digestOrNull(AuthorizationDocuments.value(authorization, kind)));
        }
        values.add(encryption.encrypt(documents.write(authorization)));
        var expiry = AuthorizationDocuments.lastExpiry(authorization);
        values.add(Timestamp.from(expiry != null ? expiry : clock.instant().plus(KEPT)));
        return values;
    }

    private @Nullable String digestOrNull(@Nullable String value) {
        return value == null ? null : encryption.lookupDigest(value);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String tombstone() {
        return "revoked_at = ?, sealed_document = NULL, " + STATE + " = NULL, "
                + COLUMNS.stream().map(column -> column + " = NULL").collect(Collectors.joining(", "));
    }

    private static String column(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT) + "_digest";
    }
}
