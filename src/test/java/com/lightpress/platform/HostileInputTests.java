package com.lightpress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.auth.keys.SigningKeys;
import com.lightpress.testing.EmbeddedServersInitializer;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.StripeStub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks every operation of the published API documents (public and internal) and sends what an attacker or a broken
 * client would: missing, garbage, expired and wrong-type tokens, malformed and oversized bodies,
 * wrong types, missing and unknown fields, bad identifiers, cursors and limits. Nothing may answer
 * 5xx, every refusal is problem details, and account endpoints answer the same for a registered
 * address as for an unknown one.
 */
@LightpressTest(
        properties = {
            StripeStub.API_KEY_PROPERTY,
            StripeStub.WEBHOOK_SECRET_PROPERTY,
            StripeStub.RETRIES_PROPERTY,
            StripeStub.READ_TIMEOUT_PROPERTY,
            "lightpress.auth.requests.sign-ups-per-address=100000",
            "lightpress.auth.requests.password-resets-per-address=100000"
        })
class HostileInputTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LONG = "x".repeat(10_000);
    private static final List<String> BAD_IDS = List.of(
            "not-a-uuid",
            "00000000-0000-0000-0000-00000000000g",
            "%00",
            "..%2F..%2Fetc",
            "-1",
            "9".repeat(40),
            "%E2%82%AC",
            "'%20OR%201=1--",
            "x".repeat(3000));
    private static final List<String> BAD_VALUES =
            List.of("", "abc", "-1", "0", "99999999999999999999999", "1e309", "true", "%00", LONG, "[]", "{}");
    private static final List<String> BAD_CURSORS = List.of(
            "!!!",
            "%00",
            LONG,
            base64("c1\n+1000000000-01-01T00:00:00Z\n" + UUID.randomUUID()),
            base64("c1\n2024-01-01T00:00:00Z\nnot-a-uuid"),
            base64("c1\n-999999999-01-01T00:00:00Z\nx"),
            base64("v1:" + Long.MAX_VALUE + ":" + UUID.randomUUID()),
            base64("c1"),
            base64("c1\n\n\n\n"));
    private static final List<String> BROKEN_BODIES = List.of(
            "{",
            "[]",
            "null",
            "\"text\"",
            "42",
            "{\"a\":",
            "{}{}",
            "{\"a\":1,}",
            "\u0000",
            "[".repeat(5000) + "]".repeat(5000));

    @Value("${local.server.port}")
    int port;

    @Value("${lightpress.platform.public-url}")
    String issuer;

    @Autowired
    SigningKeys keys;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<String> failures = new ArrayList<>();
    int sent;

    OAuthClient client;
    TestUser user;
    TestUser admin;
    Map<String, String> hostileTokens;

    @BeforeEach
    void setUp() {
        client = new OAuthClient(port);
        user = client.newUser("Hostile Walker");
        admin = client.admin();
        var stripe = StripeStub.shared();
        var customer = stripe.customerFor(user.id());
        stripe.portalFor(customer);
        stripe.checkoutFor(customer, user.id());
        var internal = OAuthClient.json(client.token(
                                Map.of("grant_type", "client_credentials", "scope", "internal"),
                                "/oauth2/token",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(("lightpress-internal:"
                                                                + EmbeddedServersInitializer.INTERNAL_CLIENT_SECRET)
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .body())
                .path("access_token")
                .asString();
        hostileTokens = new LinkedHashMap<>();
        hostileTokens.put("none", "");
        hostileTokens.put("garbage", "Bearer garbage");
        hostileTokens.put("not bearer", "Basic " + base64("a:b"));
        hostileTokens.put("expired", "Bearer " + expiredToken());
        hostileTokens.put("id token", "Bearer " + user.tokens().idToken());
        hostileTokens.put("tampered", "Bearer " + tampered(user.tokens().accessToken()));
        hostileTokens.put("internal client", "Bearer " + internal);
        hostileTokens.put("huge", "Bearer " + "a".repeat(6000));
    }

    @Test
    void noOperationAnswersServerErrorsOrAnythingButProblemDetails() {
        var deletes = new ArrayList<Runnable>();
        for (var url : List.of("/v3/api-docs", "/v3/api-docs/internal")) {
            var document =
                    OAuthClient.json(send("GET", url, null, null, Map.of()).body());
            assertThat(document.path("paths").isEmpty()).as(url).isFalse();
            document.path("paths")
                    .properties()
                    .forEach(path -> path.getValue().properties().forEach(operation -> {
                        var method = operation.getKey().toUpperCase();
                        Runnable walk = () -> walk(document, method, path.getKey(), operation.getValue());
                        if (method.equals("DELETE")) {
                            deletes.add(walk);
                        } else {
                            walk.run();
                        }
                    }));
        }
        deletes.forEach(Runnable::run);

        System.out.println("HostileInputTests sent " + sent + " requests");
        assertThat(sent).isGreaterThan(1000);
        assertThat(failures).isEmpty();
    }

    @Test
    void accountEndpointsAnswerAlikeForRegisteredAndUnknownAddresses() {
        var known = client.newUser("Known Address");
        var unknown = "unknown-" + UUID.randomUUID() + "@example.com";
        var password = "a perfectly good long passphrase " + UUID.randomUUID();
        for (var path : List.of("/api/auth/signup", "/api/auth/password-reset")) {
            var forKnown = send("POST", path, json(known.email(), password), "application/json", Map.of());
            var forUnknown = send("POST", path, json(unknown, password), "application/json", Map.of());

            assertThat(forKnown.statusCode()).as(path).isEqualTo(forUnknown.statusCode());
            assertThat(forKnown.body()).as(path).isEqualTo(forUnknown.body());
        }
    }

    private void walk(JsonNode document, String method, String template, JsonNode operation) {
        var bearer = template.startsWith("/api/admin")
                ? admin.bearer()
                : template.startsWith("/internal") ? hostileTokens.get("internal client") : user.bearer();
        var body = operation.path("requestBody");
        var schema =
                resolve(document, body.path("content").path("application/json").path("schema"));
        var valid = schema.isMissingNode() ? null : example(document, schema);
        var path = fill(template, UUID.randomUUID().toString());
        var auth = Map.of("Authorization", bearer);

        hostileTokens.forEach((name, token) ->
                check(method, path, valid, token.isEmpty() ? Map.of() : Map.of("Authorization", token)));
        if (template.contains("{")) {
            BAD_IDS.forEach(id -> check(method, fill(template, id), valid, auth));
        }
        for (var parameter : operation.path("parameters")) {
            if (parameter.path("in").asString().equals("query")) {
                var name = parameter.path("name").asString();
                var values = name.equals("cursor") ? BAD_CURSORS : BAD_VALUES;
                values.forEach(value -> check(method, path + "?" + name + "=" + encode(value), valid, auth));
            } else if (parameter.path("in").asString().equals("header")) {
                var name = parameter.path("name").asString();
                BAD_VALUES.stream()
                        .filter(value -> !value.contains("\u0000") && !value.contains("%00"))
                        .forEach(value -> check(method, path, valid, Map.of("Authorization", bearer, name, value)));
            }
        }
        if (!body.isMissingNode()) {
            BROKEN_BODIES.forEach(broken -> check(method, path, broken, auth));
            check(method, path, "{\"" + LONG + "\":1}", auth);
            check(method, path, "{\"a\":\"" + "y".repeat(2 * 1024 * 1024) + "\"}", auth);
            sendChecked(method, path, "text", "text/plain", auth);
            if (valid instanceof ObjectNode object) {
                fieldVariants(object).forEach(variant -> check(method, path, variant, auth));
            }
        }
    }

    /** For each field: left out, of a wrong type, null, far too long; plus an unknown field. */
    private static List<String> fieldVariants(ObjectNode valid) {
        var variants = new ArrayList<String>();
        var extra = valid.deepCopy();
        extra.put("notAField", "x");
        variants.add(extra.toString());
        for (var field : valid.propertyNames()) {
            var without = valid.deepCopy();
            without.remove(field);
            variants.add(without.toString());
            for (var wrong : List.of(
                    "123", "\"text\"", "[]", "{}", "null", "true", "\"" + LONG + "\"", "-1e999", "\"a\\u0000b\"")) {
                var changed = valid.deepCopy();
                changed.set(field, JSON.readTree(wrong));
                variants.add(changed.toString());
            }
        }
        return variants;
    }

    private void check(String method, String path, Object body, Map<String, String> headers) {
        sendChecked(method, path, body == null ? null : body.toString(), "application/json", headers);
    }

    private void sendChecked(String method, String path, String body, String contentType, Map<String, String> headers) {
        var response = send(method, path, body, contentType, headers);
        var type = response.headers().firstValue("Content-Type").orElse("");
        var what = method + " " + abbreviate(path) + " " + abbreviate(String.valueOf(body)) + " " + headers.keySet()
                + " -> " + response.statusCode() + " " + type;
        if (response.statusCode() >= 500) {
            failures.add("server error: " + what + " " + abbreviate(response.body()));
        } else if (response.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
            failures.add("not problem details: " + what);
        }
    }

    private HttpResponse<String> send(
            String method, String path, String body, String contentType, Map<String, String> headers) {
        sent++;
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                // generous: the first answer (the API document) is built on demand, slowly on a busy machine
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            var type = response.headers().firstValue("Content-Type").orElse("");
            try (var stream = response.body()) {
                var text = type.startsWith("text/event-stream")
                        ? ""
                        : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                return new Answer(response, text);
            }
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + abbreviate(path), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        var ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) {
            return schema;
        }
        return document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** A request body the schema accepts, as far as its types and formats tell. */
    private static JsonNode example(JsonNode document, JsonNode schema) {
        var resolved = resolve(document, schema);
        return switch (resolved.path("type").asString("object")) {
            case "string" ->
                switch (resolved.path("format").asString("")) {
                    case "email" -> JSON.getNodeFactory().stringNode("walker-" + UUID.randomUUID() + "@example.com");
                    case "uuid" ->
                        JSON.getNodeFactory().stringNode(UUID.randomUUID().toString());
                    default -> JSON.getNodeFactory().stringNode("a long enough passphrase " + UUID.randomUUID());
                };
            case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "array" -> JSON.createArrayNode();
            default -> {
                var object = JSON.createObjectNode();
                resolved.path("properties")
                        .properties()
                        .forEach(property -> object.set(property.getKey(), example(document, property.getValue())));
                yield object;
            }
        };
    }

    private String expiredToken() {
        var claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(user.id())
                .audience(List.of(issuer + "/api"))
                .id(UUID.randomUUID().toString())
                .claim("client_id", "lightpress-web")
                .issuedAt(Instant.now().minusSeconds(1200))
                .expiresAt(Instant.now().minusSeconds(600))
                .claim("roles", List.of("USER", "ADMIN"))
                .build();
        return new NimbusJwtEncoder(keys.signing())
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).type("at+jwt").build(), claims))
                .getTokenValue();
    }

    private static String tampered(String token) {
        var parts = token.split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"USER\"", "\"ADMIN\"");
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    private static String json(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"displayName\":\"Same\"}";
    }

    private static String fill(String template, String value) {
        return template.replaceAll("\\{[^}]+}", value);
    }

    private static String encode(String value) {
        return value.startsWith("%") ? value : java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    /** A response whose body was read as text, or dropped for an event stream. */
    private record Answer(HttpResponse<?> response, String body) implements HttpResponse<String> {

        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpRequest request() {
            return response.request();
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return response.sslSession();
        }

        @Override
        public URI uri() {
            return response.uri();
        }

        @Override
        public HttpClient.Version version() {
            return response.version();
        }
    }
}
