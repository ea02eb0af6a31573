package com.lightpress.auth.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Turns an authorization (one login: its request, principal and every token issued for it) into
 * one JSON document and back, so it can be stored sealed as a whole. Attributes and token metadata
 * go through Spring Security's own Jackson modules, whose type allow-list keeps a forged document
 * from instantiating arbitrary classes.
 */
final class AuthorizationDocuments {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** Spring Security's modules, plus the parameter arrays a request with repeated parameters stores. */
    private final JsonMapper security = JsonMapper.builder()
            .addModules(SecurityJacksonModules.getModules(
                    AuthorizationDocuments.class.getClassLoader(),
                    BasicPolymorphicTypeValidator.builder().allowIfSubType(String[].class)))
            .build();

    private final JsonMapper plain = JsonMapper.builder().build();
    private final RegisteredClientRepository clients;

    AuthorizationDocuments(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    byte[] write(OAuth2Authorization authorization) {
        var tokens = new ArrayList<StoredToken>();
        for (var kind : Kind.values()) {
            var token = authorization.getToken(kind.type);
            if (token != null) {
                tokens.add(stored(kind, token));
            }
        }
        return plain.writeValueAsBytes(new Document(
                authorization.getId(),
                authorization.getRegisteredClientId(),
                authorization.getPrincipalName(),
                authorization.getAuthorizationGrantType().getValue(),
                authorization.getAuthorizedScopes(),
                security.writeValueAsString(authorization.getAttributes()),
                tokens));
    }

    OAuth2Authorization read(byte[] json) {
        var document = plain.readValue(json, Document.class);
        var client = clients.findById(document.clientId());
        if (client == null) {
            throw new DataRetrievalFailureException("Client " + document.clientId() + " of an authorization is gone");
        }
        var builder = OAuth2Authorization.withRegisteredClient(client)
                .id(document.id())
                .principalName(document.principal())
                .authorizationGrantType(new AuthorizationGrantType(document.grantType()))
                .authorizedScopes(document.scopes())
                .attributes(attributes -> attributes.putAll(map(document.attributes())));
        for (var stored : document.tokens()) {
            var metadata = map(stored.metadata());
            builder.token(token(stored, metadata), into -> into.putAll(metadata));
        }
        return builder.build();
    }

    /** The values of an authorization's tokens, by kind, for finding it again. */
    static @Nullable String value(OAuth2Authorization authorization, Kind kind) {
        var token = authorization.getToken(kind.type);
        return token == null ? null : token.getToken().getTokenValue();
    }

    /** When the last of an authorization's tokens expires, or null if none has an end. */
    static @Nullable Instant lastExpiry(OAuth2Authorization authorization) {
        Instant last = null;
        for (var kind : Kind.values()) {
            var token = authorization.getToken(kind.type);
            var expiresAt = token == null ? null : token.getToken().getExpiresAt();
            if (expiresAt != null && (last == null || expiresAt.isAfter(last))) {
                last = expiresAt;
            }
        }
        return last;
    }

    private StoredToken stored(Kind kind, OAuth2Authorization.Token<? extends OAuth2Token> token) {
        var value = token.getToken();
        String accessType = null;
        Set<String> scopes = Set.of();
        if (value instanceof OAuth2AccessToken access) {
            accessType = access.getTokenType().getValue();
            scopes = access.getScopes();
        }
        return new StoredToken(
                kind,
                value.getTokenValue(),
                value.getIssuedAt(),
                value.getExpiresAt(),
                security.writeValueAsString(token.getMetadata()),
                accessType,
                scopes);
    }

    @SuppressWarnings("unchecked")
    private static OAuth2Token token(StoredToken stored, Map<String, Object> metadata) {
        return switch (stored.kind()) {
            case CODE -> new OAuth2AuthorizationCode(stored.value(), stored.issuedAt(), stored.expiresAt());
            case ACCESS ->
                new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(stored.accessType())
                                ? OAuth2AccessToken.TokenType.DPOP
                                : OAuth2AccessToken.TokenType.BEARER,
                        stored.value(),
                        stored.issuedAt(),
                        stored.expiresAt(),
                        stored.scopes());
            case ID_TOKEN ->
                new OidcIdToken(stored.value(), stored.issuedAt(), stored.expiresAt(), (Map<String, Object>)
                        metadata.getOrDefault(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, Map.of()));
            case REFRESH -> new OAuth2RefreshToken(stored.value(), stored.issuedAt(), stored.expiresAt());
            case USER_CODE -> new OAuth2UserCode(stored.value(), stored.issuedAt(), stored.expiresAt());
            case DEVICE_CODE -> new OAuth2DeviceCode(stored.value(), stored.issuedAt(), stored.expiresAt());
        };
    }

    private Map<String, Object> map(String json) {
        return new HashMap<>(security.readValue(json, MAP));
    }

    /** The kinds of token an authorization holds, each found by its own digest column. */
    enum Kind {
        CODE(OAuth2AuthorizationCode.class),
        ACCESS(OAuth2AccessToken.class),
        ID_TOKEN(OidcIdToken.class),
        REFRESH(OAuth2RefreshToken.class),
        USER_CODE(OAuth2UserCode.class),
        DEVICE_CODE(OAuth2DeviceCode.class);

        final Class<? extends OAuth2Token> type;

        Kind(Class<? extends OAuth2Token> type) {
            this.type = type;
        }
    }

    record Document(
            String id,
            String clientId,
            String principal,
            String grantType,
            Set<String> scopes,
            String attributes,
            List<StoredToken> tokens) {}

    record StoredToken(
            Kind kind,
            String value,
            @Nullable Instant issuedAt,
            @Nullable Instant expiresAt,
            String metadata,
            @Nullable String accessType,
            Set<String> scopes) {}
}
