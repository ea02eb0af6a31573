package com.lightpress.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays Lightpress's first-party web client in tests: signs users up and logs them in through the
 * real authorization-code flow with PKCE and the real login page, then refreshes tokens.
 */
public final class OAuthClient {

    public static final String CLIENT_ID = "lightpress-web";

    /** Listed in lightpress.users.bootstrap-admins by the test initializer: signs up as ADMIN. */
    public static final String ADMIN_EMAIL = "admin@lightpress.test";

    private static final String ADMIN_PASSWORD = "the admin's own long passphrase 42";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VERIFICATION_LINK = Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int port;
    private final String redirectUri;
    private final HttpClient http = HttpClient.newHttpClient();

    public OAuthClient(int port) {
        this.port = port;
        this.redirectUri = "http://127.0.0.1:" + port + "/app/";
    }

    /** Signs up a new user with a unique email, and logs them in. */
    public TestUser newUser(String name) {
        var email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@example.com";
        var password = "correct horse battery staple " + UUID.randomUUID();
        signUp(email, password, name);
        var tokens = logIn(email, password);
        return new TestUser(tokens.subject(), email, password, tokens);
    }

    /**
     * The bootstrap admin of this application's database, logged in: signed up on first use and
     * confirmed through the verification email, which is what makes a bootstrap address ADMIN.
     */
    public TestUser admin() {
        signUp(ADMIN_EMAIL, ADMIN_PASSWORD, "Admin");
        var tokens = logIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        if (!tokens.claims().path("roles").toString().contains("ADMIN")) {
            verifyEmail(ADMIN_EMAIL);
            tokens = logIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        }
        return new TestUser(tokens.subject(), ADMIN_EMAIL, ADMIN_PASSWORD, tokens);
    }

    /**
     * Follows the newest verification link sent to the address that this application accepts
     * (the mail server is shared, so older links or those of other applications may be there too).
     */
    public void verifyEmail(String email) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var mails = new ArrayList<>(Mailbox.to(email));
            Collections.reverse(mails);
            return mails.stream()
                    .map(mail -> VERIFICATION_LINK.matcher(mail.text()))
                    .filter(Matcher::find)
                    .anyMatch(link -> post("/api/auth/verify-email", Map.of("token", link.group(1)))
                                    .statusCode()
                            == 204);
        });
    }

    /** Posts JSON to the API without a token. */
    public HttpResponse<String> post(String path, Map<String, String> body) {
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    /** A token of Lightpress's internal client (client credentials, scope internal), as another process gets one. */
    public String serviceToken() {
        var basic = Base64.getEncoder()
                .encodeToString(("lightpress-internal:" + EmbeddedServersInitializer.INTERNAL_CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
        var response = send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=internal"))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).path("access_token").asString();
    }

    public HttpResponse<String> signUp(String email, String password, String displayName) {
        return post("/api/auth/signup", Map.of("email", email, "password", password, "displayName", displayName));
    }

    public Tokens logIn(String email, String password) {
        return logIn(new Browser(port), email, password, Map.of());
    }

    /** Logs in through the given browser, whose session may already be logged in. */
    public Tokens logIn(Browser browser, String email, String password, Map<String, String> extraParameters) {
        var verifier = randomString();
        var authorize = authorizeUrl(challenge(verifier), extraParameters);
        var response = browser.followUntil(browser.get(authorize), this::isRedirectUri);
        if (!Browser.isRedirect(response)) {
            response = browser.followUntil(browser.logIn(response, email, password), this::isRedirectUri);
        }
        assertThat(Browser.isRedirect(response))
                .as("authorization ends in a redirect to the client, not %s", response.body())
                .isTrue();
        var code = UriComponentsBuilder.fromUriString(Browser.location(response))
                .build()
                .getQueryParams()
                .getFirst("code");
        assertThat(code)
                .as("redirect %s carries a code", Browser.location(response))
                .isNotNull();
        var exchange = exchange(code, verifier);
        assertThat(exchange.statusCode()).as(exchange.body()).isEqualTo(200);
        return Tokens.of(exchange.body());
    }

    private boolean isRedirectUri(String location) {
        return location.startsWith(redirectUri);
    }

    public String authorizeUrl(String challenge, Map<String, String> extraParameters) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("response_type", "code");
        parameters.put("client_id", CLIENT_ID);
        parameters.put("redirect_uri", redirectUri);
        parameters.put("scope", "openid profile email");
        parameters.put("state", randomString());
        parameters.put("code_challenge", challenge);
        parameters.put("code_challenge_method", "S256");
        parameters.putAll(extraParameters);
        return base() + "/oauth2/authorize?" + Browser.form(parameters);
    }

    public HttpResponse<String> exchange(String code, String verifier) {
        return token(Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", redirectUri,
                "client_id", CLIENT_ID,
                "code_verifier", verifier));
    }

    public HttpResponse<String> refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", CLIENT_ID));
    }

    public HttpResponse<String> token(Map<String, String> form) {
        return token(form, "/oauth2/token");
    }

    /** Posts a form to one of the server's endpoints, as a client without a secret. */
    public HttpResponse<String> token(Map<String, String> form, String path) {
        return token(form, path, null);
    }

    /** Posts a form to one of the server's endpoints with the given Authorization header. */
    public HttpResponse<String> token(Map<String, String> form, String path, String authorization) {
        var request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(form)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    public static String randomString() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tokens of one login. */
    public record Tokens(String accessToken, String refreshToken, String idToken) {

        public static Tokens of(String body) {
            var json = json(body);
            return new Tokens(
                    json.path("access_token").asString(),
                    json.path("refresh_token").asString(),
                    json.path("id_token").asString());
        }

        /** The claims of the access token, read without checking the signature. */
        public JsonNode claims() {
            var payload = accessToken.split("\\.")[1];
            return json(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        }

        public String subject() {
            return claims().path("sub").asString();
        }
    }

    /** A signed-up, logged-in user. */
    public record TestUser(String id, String email, String password, Tokens tokens) {

        public String bearer() {
            return "Bearer " + tokens.accessToken();
        }
    }
}
