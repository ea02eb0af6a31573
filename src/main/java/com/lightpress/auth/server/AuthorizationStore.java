package com.lightpress.auth.server;

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
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
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
class AuthorizationStore implements OAuth2AuthorizationService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationStore.class);

    /** How long an authorization without an end of its own, or a tombstone, is kept. */
    private static final Duration KEPT = Duration.ofDays(1);

    /** How long an authorization whose every token expired is kept before it is deleted. */
    private static final Duration AFTER_EXPIRY = Duration.ofHours(1);

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
    public void save(OAuth2Authorization given) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(given.getAuthorizationGrantType())) {
            // a service's token: nothing to refresh, revoke by family or end with a login, so
            // nothing to keep; it is a signed JWT that lives ten minutes
            return;
        }
        var authorization = withBrowserLogin(given);
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

    /** The mark of the browser session a login was made in, recorded during the authorization request. */
    static @Nullable String browserLoginOf(OAuth2Authorization authorization) {
        return authorization.getAttribute(CurrentRequestSessions.MARK);
    }

    private static OAuth2Authorization withBrowserLogin(OAuth2Authorization authorization) {
        if (browserLoginOf(authorization) != null) {
            return authorization;
        }
        return CurrentRequestSessions.markOf(authorization.getPrincipalName())
                .map(mark -> OAuth2Authorization.from(authorization)
                        .attribute(CurrentRequestSessions.MARK, mark)
                        .build())
                .orElse(authorization);
    }

    /** Revokes the authorization: its row stays, without tokens, so nothing can bring it back. */
    @Override
    public void remove(OAuth2Authorization authorization) {
        jdbc.update(
                "UPDATE auth.authorizations SET " + tombstone() + " WHERE id = ? AND revoked_at IS NULL",
                now(),
                authorization.getId());
    }

    /** Revokes every authorization of the user. */
    void revokeAll(UserId user) {
        jdbc.update(
                "UPDATE auth.authorizations SET " + tombstone() + " WHERE principal_name = ? AND revoked_at IS NULL",
                now(),
                user.toString());
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        return first("id = ?", id);
    }

    /**
     * Finds the authorization holding the token. A token of unknown type is looked for among the
     * tokens, not the states; and the authorization found must really hold the token presented.
     */
    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        var digest = encryption.lookupDigest(token);
        if (tokenType == null) {
            return holding(first("? IN (" + String.join(", ", COLUMNS) + ")", digest), token);
        }
        var column = COLUMN_BY_TYPE.get(tokenType.getValue());
        if (column == null) {
            return null;
        }
        var found = first(column + " = ?", digest);
        return column.equals(STATE) ? found : holding(found, token);
    }

    private static @Nullable OAuth2Authorization holding(@Nullable OAuth2Authorization found, String token) {
        return found != null && found.getToken(token) != null ? found : null;
    }

    /** Drops tombstones and authorizations whose every token has expired. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "auth.authorization-cleanup", lockAtLeastFor = "PT30M")
    void removeEnded() {
        var now = clock.instant();
        jdbc.update(
                "DELETE FROM auth.authorizations WHERE expires_at < ? OR revoked_at < ?",
                Timestamp.from(now.minus(AFTER_EXPIRY)),
                Timestamp.from(now.minus(KEPT)));
    }

    /** The live authorization the condition finds; a row that cannot be opened counts as none. */
    private @Nullable OAuth2Authorization first(String condition, String value) {
        var rows = jdbc.query(
                "SELECT id, sealed_document FROM auth.authorizations WHERE " + condition + " AND revoked_at IS NULL",
                (rs, row) -> new Sealed(rs.getString(1), rs.getBytes(2)),
                value);
        if (rows.isEmpty()) {
            return null;
        }
        var row = rows.get(0);
        try {
            var authorization = documents.read(encryption.decrypt(row.document(), row.id()));
            return authorization.getId().equals(row.id()) ? authorization : null;
        } catch (RuntimeException unreadable) {
            LOG.warn("Authorization {} cannot be opened; treating it as absent", row.id(), unreadable);
            return null;
        }
    }

    private record Sealed(String id, byte[] document) {}

    private List<Object> values(OAuth2Authorization authorization) {
        var values = new ArrayList<Object>();
        values.add(authorization.getPrincipalName());
        values.add(digestOrNull(authorization.getAttribute(OAuth2ParameterNames.STATE)));
        for (var kind : Kind.values()) {
            values.add(digestOrNull(AuthorizationDocuments.value(authorization, kind)));
        }
        values.add(encryption.encrypt(documents.write(authorization), authorization.getId()));
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
