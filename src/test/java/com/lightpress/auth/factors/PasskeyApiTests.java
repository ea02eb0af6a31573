package com.lightpress.auth.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.auth.SecondFactorAdded;
import com.lightpress.auth.SecondFactorRemoved;
import com.lightpress.testing.Api;
import com.lightpress.testing.Browser;
import com.lightpress.testing.EventRecorder;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.SoftwarePasskey;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys over real HTTP with real tokens, the API checked against the served API document:
 * registration through webauthn4j's real verification (a software authenticator answers the
 * options), names, the list, removal, other users' passkeys, bad input, the export and closure,
 * and signing in with a passkey alone or after the password on the login pages.
 */
@LightpressTest
class PasskeyApiTests {

    private static final String PASSKEYS = "/api/auth/factors/passkeys";

    @Value("${local.server.port}")
    int port;

    @Autowired
    EventRecorder events;

    @Autowired
    JdbcTemplate jdbc;

    OAuthClient client;
    RestTestClient api;

    @BeforeEach
    void connect() {
        client = new OAuthClient(port);
        api = Api.client(port);
    }

    @Test
    void aPasskeyIsRegisteredNamedListedRenamedAndRemovedWithoutShowingItsKey() {
        var user = client.newUser("Keyholder");
        var passkey = new SoftwarePasskey("http://127.0.0.1:" + port);

        var options = json(ok(send(HttpMethod.POST, PASSKEYS + "/options", user, null), 200));
        assertThat(options.path("rp").path("id").asString()).isEqualTo("127.0.0.1");
        assertThat(options.path("user").path("name").asString()).isEqualTo(user.email());
        assertThat(options.path("authenticatorSelection").path("residentKey").asString())
                .isEqualTo("required");
        assertThat(options.path("authenticatorSelection")
                        .path("userVerification")
                        .asString())
                .isEqualTo("required");
        var added = json(ok(register(user, "Laptop", passkey.create(options)), 201));
        assertThat(added.path("id").asString()).isEqualTo(passkey.id());
        assertThat(added.path("name").asString()).isEqualTo("Laptop");
        events.awaitOne(
                SecondFactorAdded.class,
                event -> event.userId().toString().equals(user.id())
                        && event.factor().equals("passkey"));
        Mailbox.awaitSubject(user.email(), "A passkey was added to your account");

        ok(send(HttpMethod.PATCH, PASSKEYS + "/" + passkey.id(), user, Map.of("name", "Work laptop")), 204);
        var list = ok(send(HttpMethod.GET, PASSKEYS, user, null), 200);
        assertThat(json(list).get(0).path("name").asString()).isEqualTo("Work laptop");
        assertThat(list).doesNotContain("publicKey", "public_key", "userHandle");
        assertThat(json(ok(send(HttpMethod.GET, "/api/auth/factors", user, null), 200))
                        .path("passkeys")
                        .asInt())
                .isEqualTo(1);

        ok(send(HttpMethod.DELETE, PASSKEYS + "/" + passkey.id(), user, null), 204);
        assertThat(json(ok(send(HttpMethod.GET, PASSKEYS, user, null), 200))).isEmpty();
        events.awaitOne(
                SecondFactorRemoved.class,
                event -> event.userId().toString().equals(user.id())
                        && event.factor().equals("passkey"));
        Mailbox.awaitSubject(user.email(), "A passkey was removed from your account");
    }

    @Test
    void anotherUsersPasskeyIsNotFound() {
        var owner = client.newUser("Owner");
        var other = client.newUser("Other");
        var passkey = new SoftwarePasskey("http://127.0.0.1:" + port);
        var options = json(ok(send(HttpMethod.POST, PASSKEYS + "/options", owner, null), 200));
        ok(register(owner, "Phone", passkey.create(options)), 201);

        var renamed =
                json(ok(send(HttpMethod.PATCH, PASSKEYS + "/" + passkey.id(), other, Map.of("name", "Mine")), 404));
        assertThat(renamed.path("detail").asString()).contains("no passkey");
        ok(send(HttpMethod.DELETE, PASSKEYS + "/" + passkey.id(), other, null), 404);
        ok(send(HttpMethod.DELETE, PASSKEYS + "/not*an*id", owner, null), 404);
        assertThat(json(ok(send(HttpMethod.GET, PASSKEYS, other, null), 200))).isEmpty();
        assertThat(json(ok(send(HttpMethod.GET, PASSKEYS, owner, null), 200))
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("Phone");
    }

    @Test
    void badRegistrationsAreProblemsNamingTheField() {
        var user = client.newUser("Careless");
        var passkey = new SoftwarePasskey("http://127.0.0.1:" + port);
        var stale = passkey.create(json(ok(send(HttpMethod.POST, PASSKEYS + "/options", user, null), 200)));

        var options = json(ok(send(HttpMethod.POST, PASSKEYS + "/options", user, null), 200));
        assertThat(fieldOf(ok(register(user, "Laptop", stale), 400)))
                .as("an older challenge")
                .isEqualTo("credential");
        assertThat(fieldOf(ok(register(user, "Laptop", passkey.create(options)), 400)))
                .as("nothing waiting: a failed answer ends the registration")
                .isEqualTo("credential");

        options = json(ok(send(HttpMethod.POST, PASSKEYS + "/options", user, null), 200));
        assertThat(fieldOf(ok(register(user, " ", passkey.create(options)), 400)))
                .isEqualTo("name");
        var garbled = new java.util.HashMap<>(passkey.create(options));
        garbled.put("response", Map.of("attestationObject", "garbage", "clientDataJSON", "garbage"));
        assertThat(fieldOf(ok(register(user, "Laptop", garbled), 400))).isEqualTo("credential");

        options = json(ok(send(HttpMethod.POST, PASSKEYS + "/options", user, null), 200));
        var elsewhere = new SoftwarePasskey("http://evil.example:" + port).create(options);
        assertThat(fieldOf(ok(register(user, "Laptop", elsewhere), 400)))
                .as("another origin")
                .isEqualTo("credential");

        options = json(ok(send(HttpMethod.POST, PASSKEYS + "/options", user, null), 200));
        var answer = passkey.create(options);
        ok(register(user, "Laptop", answer), 201);
        assertThat(fieldOf(ok(register(user, "Laptop", answer), 400)))
                .as("the same answer again")
                .isEqualTo("credential");
        assertThat(json(ok(send(HttpMethod.GET, PASSKEYS, user, null), 200))).hasSize(1);
    }

    @Test
    void theExportNamesPasskeysWithoutKeysAndClosingTheAccountRemovesThem() {
        var user = client.newUser("Leaving");
        var passkey = new SoftwarePasskey("http://127.0.0.1:" + port);
        var options = json(ok(send(HttpMethod.POST, PASSKEYS + "/options", user, null), 200));
        var codes = json(ok(register(user, "Security key", passkey.create(options)), 201))
                .path("recoveryCodes");

        var export = ok(send(HttpMethod.GET, "/api/users/me/export", user, null), 200);
        var section = json(export).path("secondFactors");
        var exported = section.path("passkeys");
        assertThat(exported.get(0).path("name").asString()).isEqualTo("Security key");
        assertThat(exported.get(0).has("createdAt")).isTrue();
        assertThat(section.path("recoveryCodes").path("left").asInt()).isEqualTo(10);
        assertThat(section.has(SecondFactors.AUTHENTICATOR_APP)).isFalse();
        assertThat(export)
                .doesNotContain(passkey.id())
                .doesNotContain(codes.get(0).asString());

        ok(send(HttpMethod.DELETE, "/api/users/me", user, null), 204);
        await().untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM auth.passkeys WHERE credential_id = ?",
                        Integer.class,
                        UUID.fromString(user.id())))
                .isZero());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM auth.passkey_users WHERE credential_id = ?",
                        Integer.class,
                        UUID.fromString(user.id())))
                .isZero();
        assertThat(recoveryCodesOf(user)).isZero();
    }

    @Test
    void anotherProcessReadsEachOfAuthsExportSectionsByName() {
        var user = client.newUser("Exported Apart");
        var options = json(ok(send(HttpMethod.POST, PASSKEYS + "/options", user, null), 200));
        ok(register(user, "Tablet", new SoftwarePasskey("http://127.0.0.1:" + port).create(options)), 201);
        var service = "Bearer " + client.serviceToken();
        var base = "/internal/auth/personal-data/" + user.id();

        assertThat(json(internal(base + "/secondFactors", service, 200))
                        .path("passkeys")
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("Tablet");
        assertThat(json(internal(base + "/auth", service, 200)).path("email").asString())
                .isEqualTo(user.email());
        assertThat(json(internal(base, service, 200)).path("email").asString())
                .as("the path of the previous release answers the identity")
                .isEqualTo(user.email());
        internal(base + "/billing", service, 404);
        internal(base + "/secondFactors", user.bearer(), 403);
    }

    @Test
    void aFirstPasskeyBringsRecoveryCodesThatStandInForItAfterThePasswordUntilTheLastPasskeyGoes() {
        var user = client.newUser("Passkeys Only");
        var factors = new SecondFactorClient(port, null);
        var phone = new SoftwarePasskey("http://127.0.0.1:" + port);
        var laptop = new SoftwarePasskey("http://127.0.0.1:" + port);
        var codes = SecondFactorClient.codesOf(factors.addPasskey(user.bearer(), phone, "Phone"));
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(factors.addPasskey(user.bearer(), laptop, "Laptop").has("recoveryCodes"))
                .as("only the account's first second factor brings codes")
                .isFalse();
        assertThat(factors.status(user.bearer()).path("recoveryCodesLeft").asInt())
                .isEqualTo(10);

        var tokens = factors.logIn(new Browser(port), user, codes.get(0).toUpperCase(), Map.of());
        assertThat(SecondFactorClient.amr(tokens)).containsExactly("pwd", "otp", "mfa");
        assertThat(tokens.claims().path("acr").asString()).isEqualTo(FactorAuthorities.ACR_TWO_FACTORS);
        factors.assertRecoveryCodeSpent(events, user, codes.get(0));

        var bearer = "Bearer " + tokens.accessToken();
        var renewed = factors.call("POST", "/api/auth/factors/recovery-codes", bearer, null);
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        assertThat(SecondFactorClient.codesOf(json(renewed.body()))).hasSize(10).doesNotContainAnyElementsOf(codes);
        assertThat(factors.call("DELETE", PASSKEYS + "/" + laptop.id(), bearer, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(recoveryCodesOf(user))
                .as("codes stay while a passkey remains")
                .isEqualTo(10);
        assertThat(factors.call("DELETE", PASSKEYS + "/" + phone.id(), bearer, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(recoveryCodesOf(user))
                .as("the last second factor takes them")
                .isZero();
        assertThat(factors.status(bearer).path("recoveryCodesLeft").asInt()).isZero();
        assertThat(factors.call("POST", "/api/auth/factors/recovery-codes", bearer, null)
                        .statusCode())
                .as("no second factor, no codes")
                .isEqualTo(404);
    }

    @Test
    void aPasskeySignsInAloneOrAfterThePasswordOnceAndTokensSayHow() {
        var user = client.newUser("Passwordless");
        var passkey = new SoftwarePasskey("http://127.0.0.1:" + port);
        var options = json(ok(send(HttpMethod.POST, PASSKEYS + "/options", user, null), 200));
        ok(register(user, "Phone", passkey.create(options)), 201);
        var factors = new SecondFactorClient(port, null);

        var browser = new Browser(port);
        var verifier = OAuthClient.randomString();
        var loginPage = browser.follow(browser.get(client.authorizeUrl(OAuthClient.challenge(verifier), Map.of())));
        var csrf = Browser.csrfOf(loginPage);
        var asked = json(
                browser.postJson("/webauthn/authenticate/options", "", csrf).body());
        assertThat(asked.path("allowCredentials"))
                .as("discoverable: nobody is named yet")
                .isEmpty();
        assertThat(asked.path("userVerification").asString()).isEqualTo("required");
        var assertion = JsonMapper.shared().writeValueAsString(passkey.get(asked));
        var signedIn = browser.postJson("/login/webauthn", assertion, csrf);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(browser.postJson("/login/webauthn", assertion, csrf).statusCode())
                .as("the challenge is used once")
                .isEqualTo(401);
        var alone = factors.exchange(
                browser.followUntil(
                        browser.get(json(signedIn.body()).path("redirectUrl").asString()), this::atClient),
                verifier);
        assertThat(SecondFactorClient.amr(alone)).containsExactly("swk", "mfa");
        assertThat(alone.claims().path("acr").asString()).isEqualTo(FactorAuthorities.ACR_TWO_FACTORS);
        assertThat(alone.claims().path("second_factor_required").asBoolean()).isTrue();

        var second = new Browser(port);
        var secondVerifier = OAuthClient.randomString();
        var atStep = factors.toSecondStep(second, user, OAuthClient.challenge(secondVerifier), Map.of());
        assertThat(Browser.location(atStep)).endsWith("/login/second-factor");
        var stepPage = second.get("/login/second-factor");
        assertThat(stepPage.body())
                .as("a passkey, or one of the recovery codes that came with the first one")
                .contains("passkey-second-factor", "name=\"code\"", "Recovery code");
        var stepCsrf = Browser.csrfOf(stepPage);
        var stepOptions = json(
                second.postJson("/webauthn/authenticate/options", "", stepCsrf).body());
        assertThat(stepOptions.path("allowCredentials").get(0).path("id").asString())
                .isEqualTo(passkey.id());
        var proved = second.postJson(
                "/login/webauthn", JsonMapper.shared().writeValueAsString(passkey.get(stepOptions)), stepCsrf);
        assertThat(proved.statusCode()).as(proved.body()).isEqualTo(200);
        var both = factors.exchange(
                second.followUntil(
                        second.get(json(proved.body()).path("redirectUrl").asString()), this::atClient),
                secondVerifier);
        assertThat(SecondFactorClient.amr(both)).containsExactly("pwd", "swk", "mfa");
        assertThat(both.subject()).isEqualTo(user.id());
    }

    @Test
    void passkeySignInsBegunAtOnceInOneSessionAreAllAnsweredAndTheLastChallengeSignsIn() throws Exception {
        var user = client.newUser("Two Tabs");
        var passkey = new SoftwarePasskey("http://127.0.0.1:" + port);
        var options = json(ok(send(HttpMethod.POST, PASSKEYS + "/options", user, null), 200));
        ok(register(user, "Laptop", passkey.create(options)), 201);
        var browser = new Browser(port);
        var loginPage = browser.follow(
                browser.get(client.authorizeUrl(OAuthClient.challenge(OAuthClient.randomString()), Map.of())));
        var csrf = Browser.csrfOf(loginPage);

        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        var begun = new ArrayList<Future<HttpResponse<String>>>();
        try {
            for (int tab = 0; tab < 8; tab++) {
                begun.add(pool.submit(() -> {
                    start.await();
                    return browser.postJson("/webauthn/authenticate/options", "", csrf);
                }));
            }
            start.countDown();
            for (var answer : begun) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        var last = json(
                browser.postJson("/webauthn/authenticate/options", "", csrf).body());
        var signedIn =
                browser.postJson("/login/webauthn", JsonMapper.shared().writeValueAsString(passkey.get(last)), csrf);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    }

    private int recoveryCodesOf(TestUser user) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM auth.recovery_codes WHERE credential_id = ?",
                Integer.class,
                UUID.fromString(user.id()));
    }

    private String internal(String path, String bearer, int status) {
        return ok(api.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer).exchange(), status);
    }

    private boolean atClient(String location) {
        return location.startsWith("http://127.0.0.1:" + port + "/app/");
    }

    private RestTestClient.ResponseSpec register(TestUser user, String name, Map<String, Object> credential) {
        return send(HttpMethod.POST, PASSKEYS, user, Map.of("name", name, "credential", credential));
    }

    private RestTestClient.ResponseSpec send(HttpMethod method, String path, TestUser user, @Nullable Object body) {
        var request = api.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, user.bearer());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON)
                    .body(JsonMapper.shared().writeValueAsString(body));
        }
        return request.exchange();
    }

    private static String ok(RestTestClient.ResponseSpec response, int status) {
        var body = response.expectStatus()
                .isEqualTo(status)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return body == null ? "" : body;
    }

    private static String fieldOf(String problem) {
        return json(problem).path("errors").get(0).path("field").asString();
    }

    private static JsonNode json(String body) {
        return OAuthClient.json(body);
    }
}
