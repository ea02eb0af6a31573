package com.lightpress.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.notifications.preferences.Category;
import com.lightpress.notifications.preferences.UnsubscribeTokens;
import com.lightpress.testing.Browser;
import com.lightpress.testing.DeviceFlow;
import com.lightpress.testing.EmbeddedServers;
import com.lightpress.testing.LightpressProcess;
import com.lightpress.testing.LoadBalancer;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.Tokens;
import com.lightpress.testing.SoftwarePasskey;
import com.lightpress.testing.SseClient;
import com.lightpress.users.UserId;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three instances on one database behind a load balancer without stickiness, every request on
 * an instance chosen at random: a user's whole life, from sign-up to logging out, works as on
 * one instance; a login ended by a new password, a reset, a revoked refresh token, a disabled
 * or a closed account ends on every instance; a passkey ceremony begun on one instance
 * ends on another; and a login survives the instance that made it going away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTests {

    private static final Pattern RESET_LINK = Pattern.compile("reset-password\\?token=([A-Za-z0-9_%.~-]+)");

    private static final String SESSION_COOKIE = "lightpress_session";

    static LoadBalancer balancer;
    static List<LightpressProcess> instances = new ArrayList<>();

    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startCluster() {
        balancer = LoadBalancer.start(LoadBalancer.Routing.RANDOM);
        var database = EmbeddedServers.shared().createDatabase();
        for (int i = 0; i < 3; i++) {
            instances.add(LightpressProcess.start(
                    database,
                    EmbeddedServers.freePort(),
                    Map.of(
                            "lightpress.platform.public-url",
                            balancer.url(),
                            "lightpress.notifications.unsubscribe-secret",
                            ""),
                    OnceOnlyProbe.class));
        }
        balancer.routeTo(instances.stream().map(LightpressProcess::port).toList());
    }

    @AfterAll
    static void stopCluster() {
        instances.forEach(LightpressProcess::close);
        balancer.close();
    }

    @Test
    @Order(1)
    void aUsersWholeLifeWorksWithEveryRequestOnARandomInstance() {
        var client = new OAuthClient(balancer.port());
        var email = "clustered-" + UUID.randomUUID() + "@example.com";
        var password = "a passphrase for three instances " + UUID.randomUUID();
        assertThat(client.signUp(email, password, "Clustered").statusCode()).isEqualTo(202);

        var browser = new Browser(balancer.port());
        var tokens = client.logIn(browser, email, password, Map.of());
        try (var stream = SseClient.open(
                instances.get(0).port(), "/api/notifications/stream", Map.of("Authorization", bearer(tokens)))) {
            stream.awaitLine(":connected"::equals);
            new OAuthClient(instances.get(1).port()).verifyEmail(email);
            assertThat(stream.awaitData("notification", 1).get(0)).contains("Welcome");
        }

        var rotated = Tokens.of(client.refresh(tokens.refreshToken()).body());
        var again = client.refresh(rotated.refreshToken());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        var latest = Tokens.of(again.body());
        assertThat(latest.claims().path("email_verified").asBoolean()).isTrue();

        var poll = new DeviceFlow(client).approve(browser, email, password);
        assertThat(client.token(poll).statusCode()).isEqualTo(200);

        var session = loginSessionOf(browser);
        var logout = browser.get("/connect/logout?id_token_hint=" + latest.idToken() + "&post_logout_redirect_uri="
                + balancer.url() + "/app/");
        assertThat(Browser.isRedirect(browser.followUntil(logout, location -> location.contains("/app/"))))
                .isTrue();
        assertEveryInstanceAsksForThePassword(client, session);
        assertThat(client.refresh(latest.refreshToken()).statusCode())
                .as("logging out ended the login's tokens too")
                .isEqualTo(400);
        assertThat(balancer.served().values())
                .as("every instance served some requests")
                .hasSize(3);
    }

    /** The ways a login ends besides logging out, each asked of whichever instance the balancer picks. */
    enum Ending {
        PASSWORD_CHANGED,
        PASSWORD_RESET,
        REFRESH_TOKEN_REVOKED,
        ACCOUNT_DISABLED,
        ACCOUNT_CLOSED;

        /** Users tells auth of a disabled or closed account by an event, so its logins end moments later. */
        boolean throughAnEvent() {
            return this == ACCOUNT_DISABLED || this == ACCOUNT_CLOSED;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Ending.class)
    @Order(2)
    void anEndedLoginEndsOnEveryInstance(Ending ending) {
        var client = new OAuthClient(balancer.port());
        var user =
                client.newUser("Ended " + ending.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        var browser = new Browser(balancer.port());
        var tokens = client.logIn(browser, user.email(), user.password(), Map.of());

        var session = loginSessionOf(browser);
        assertThat(whereEveryInstanceSends(client, session))
                .as("before: every instance knows the login")
                .allSatisfy(location -> assertThat(location).contains("code="));
        var answer = switch (ending) {
            case PASSWORD_CHANGED ->
                send("POST", "/api/auth/password", bearer(tokens), """
                                {"currentPassword": "%s", "newPassword": "%s"}""".formatted(user.password(), newPassword()));
            case PASSWORD_RESET -> resetPassword(client, user.email());
            case REFRESH_TOKEN_REVOKED ->
                client.token(
                        Map.of("token", tokens.refreshToken(), "client_id", OAuthClient.CLIENT_ID), "/oauth2/revoke");
            case ACCOUNT_DISABLED ->
                send(
                        "POST",
                        "/api/admin/users/" + user.id() + "/disable",
                        "Bearer " + client.admin().tokens().accessToken(),
                        null);
            case ACCOUNT_CLOSED -> send("DELETE", "/api/users/me", bearer(tokens), null);
        };

        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 204);
        if (ending.throughAnEvent()) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertEveryInstanceAsksForThePassword(client, session));
        } else {
            assertEveryInstanceAsksForThePassword(client, session);
        }
        assertThat(client.refresh(tokens.refreshToken()).statusCode()).isEqualTo(400);
    }

    /** Asks for a reset and sets a new password with the token the email brings. */
    private HttpResponse<String> resetPassword(OAuthClient client, String email) {
        assertThat(client.post("/api/auth/password-reset", Map.of("email", email))
                        .statusCode())
                .isEqualTo(202);
        var link = RESET_LINK.matcher(
                Mailbox.awaitSubject(email, "Reset your password").text());
        assertThat(link.find()).isTrue();
        return client.post(
                "/api/auth/password-reset/confirm",
                Map.of(
                        "token",
                        URLDecoder.decode(link.group(1), StandardCharsets.UTF_8),
                        "newPassword",
                        newPassword()));
    }

    private HttpResponse<String> send(String method, String path, String authorization, @Nullable String json) {
        var request = HttpRequest.newBuilder(URI.create(balancer.url() + path)).header("Authorization", authorization);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static String newPassword() {
        return "the next long passphrase " + UUID.randomUUID();
    }

    @Test
    @Order(3)
    void aScheduledJobRunsOnceWhenEveryInstanceStartsIt() throws Exception {
        var start = new CountDownLatch(1);
        var threads = Executors.newFixedThreadPool(instances.size());
        try {
            var runs = new ArrayList<Future<?>>();
            for (var instance : instances) {
                var probe = instance.bean(OnceOnlyProbe.class);
                runs.add(threads.submit(() -> {
                    start.await();
                    probe.run();
                    return null;
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(OnceOnlyProbe.RUNS.get()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void unsubscribeLinksSignedByOneInstanceWorkOnEveryInstanceWithoutAConfiguredSecret() {
        var user = new UserId(UUID.randomUUID());

        var token = instances.get(0).bean(UnsubscribeTokens.class).tokenFor(user, Category.BILLING);

        for (var instance : instances) {
            assertThat(instance.bean(UnsubscribeTokens.class).read(token).user())
                    .isEqualTo(user);
        }
    }

    /**
     * Each ceremony begins on one instance and ends on another: the registration's options wait
     * in PostgreSQL, the sign-in's challenge in the shared login session.
     */
    @Test
    @Order(4)
    void aPasskeyBegunOnOneInstanceIsFinishedOnAnother() throws Exception {
        var client = new OAuthClient(balancer.port());
        var user = client.newUser("Clustered Passkey");
        var passkey = new SoftwarePasskey(balancer.url());
        var options = call(instances.get(0), "/api/auth/factors/passkeys/options", user.bearer(), "");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        var credential = passkey.create(OAuthClient.json(options.body()));
        var registered = call(
                instances.get(1),
                "/api/auth/factors/passkeys",
                user.bearer(),
                JsonMapper.shared().writeValueAsString(Map.of("name", "Shared", "credential", credential)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        var browser = new Browser(instances.get(2).port());
        var verifier = OAuthClient.randomString();
        var loginPage = browser.follow(browser.get(client.authorizeUrl(OAuthClient.challenge(verifier), Map.of())));
        var csrf = Browser.csrfOf(loginPage);
        var asked = browser.postJson(instances.get(0).url() + "/webauthn/authenticate/options", "", csrf);
        var signedIn = browser.postJson(
                instances.get(1).url() + "/login/webauthn",
                JsonMapper.shared().writeValueAsString(passkey.get(OAuthClient.json(asked.body()))),
                csrf);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        var redirect = browser.followUntil(
                browser.get(
                        OAuthClient.json(signedIn.body()).path("redirectUrl").asString()),
                location -> location.contains("/app/?"));
        var code = UriComponentsBuilder.fromUriString(Browser.location(redirect))
                .build()
                .getQueryParams()
                .getFirst("code");
        var tokens = Tokens.of(client.exchange(code, verifier).body());
        assertThat(tokens.claims().path("amr").toString()).contains("swk");
        assertThat(tokens.subject()).isEqualTo(user.id());
    }

    /**
     * Each instance answers {@code GET /api/users/me} from its cache of accounts. Many changes at
     * once, each through a random instance: the instance that made a change reads it at once, and
     * in the end every instance reads the last one; a change made in the database by hand reaches
     * every instance too.
     */
    @Test
    @Order(4)
    void everyInstanceReadsAProfileChangedThroughAnother() throws Exception {
        var user = new OAuthClient(balancer.port()).newUser("Cached Everywhere");
        var first = version(me(instances.get(0), user.bearer()));
        var threads = Executors.newFixedThreadPool(8);
        try {
            var changes = new ArrayList<Future<?>>();
            for (int i = 0; i < 40; i++) {
                var name = "Name " + i;
                changes.add(threads.submit(() -> {
                    var read = me(instances.get(ThreadLocalRandom.current().nextInt(instances.size())), user.bearer());
                    var writer = instances.get(ThreadLocalRandom.current().nextInt(instances.size()));
                    var changed = http.send(
                            HttpRequest.newBuilder(URI.create(writer.url() + "/api/users/me"))
                                    .header("Authorization", user.bearer())
                                    .header("Content-Type", "application/json")
                                    .header(
                                            "If-Match",
                                            read.headers().firstValue("ETag").orElseThrow())
                                    .method(
                                            "PATCH",
                                            HttpRequest.BodyPublishers.ofString("{\"displayName\":\"" + name + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(changed.statusCode()).as(changed.body()).isIn(200, 412);
                    if (changed.statusCode() == 200) {
                        assertThat(version(me(writer, user.bearer())))
                                .as("the instance that made a change reads it at once")
                                .isGreaterThanOrEqualTo(version(changed));
                    }
                    return null;
                }));
            }
            for (var change : changes) {
                change.get();
            }
        } finally {
            threads.shutdownNow();
        }
        var id = UUID.fromString(user.id());
        var stored = instances
                .get(0)
                .jdbc()
                .queryForMap("SELECT display_name, version FROM users.accounts WHERE id = ?", id);
        assertThat((long) stored.get("version")).as("some changes won").isGreaterThan(first);
        for (var instance : instances) {
            Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                var read = me(instance, user.bearer());
                assertThat(version(read)).isEqualTo(stored.get("version"));
                assertThat(OAuthClient.json(read.body()).path("displayName").asString())
                        .isEqualTo(stored.get("display_name"));
            });
        }

        instances.get(0).jdbc().update("UPDATE users.accounts SET status = 'DISABLED' WHERE id = ?", id);

        for (var instance : instances) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() ->
                            assertThat(me(instance, user.bearer()).statusCode()).isEqualTo(403));
        }
    }

    private HttpResponse<String> me(LightpressProcess instance, String bearer) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(instance.url() + "/api/users/me"))
                        .header("Authorization", bearer)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long version(HttpResponse<String> answer) {
        return Long.parseLong(answer.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    }

    private HttpResponse<String> call(LightpressProcess instance, String path, String bearer, String json)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(instance.url() + path))
                        .header("Authorization", bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(5)
    void aLoginOutlivesTheInstanceThatMadeIt() {
        var leaving = instances.get(2);
        balancer.routeTo(List.of(leaving.port()));
        var client = new OAuthClient(balancer.port());
        var user = client.newUser("Deployed Through");
        var browser = new Browser(balancer.port());
        var tokens = client.logIn(browser, user.email(), user.password(), Map.of());

        leaving.close();
        instances.remove(leaving);
        balancer.routeTo(instances.stream().map(LightpressProcess::port).toList());

        var silently = browser.followUntil(
                browser.get(client.authorizeUrl(OAuthClient.challenge("verifier"), Map.of())),
                location -> location.startsWith(balancer.url() + "/app/"));
        assertThat(Browser.location(silently)).contains("code=");
        assertThat(profileStatus(tokens)).isEqualTo(200);
        assertThat(client.refresh(tokens.refreshToken()).statusCode()).isEqualTo(200);
    }

    /** After the login ended, each instance sends its login session to the login page. */
    private static void assertEveryInstanceAsksForThePassword(OAuthClient client, String session) {
        assertThat(whereEveryInstanceSends(client, session))
                .allSatisfy(location -> assertThat(location).endsWith("/login"));
    }

    /**
     * Where each instance redirects an authorization request made with the login session's cookie:
     * the client with a code while the login lasts, the login page after. Each is asked with the
     * cookie the browser had while logged in, not with a new session an earlier answer gave it.
     */
    private static List<String> whereEveryInstanceSends(OAuthClient client, String session) {
        var locations = new ArrayList<String>();
        for (var instance : instances) {
            var authorize = client.authorizeUrl(OAuthClient.challenge("verifier"), Map.of())
                    .replace(balancer.url(), instance.url());
            var answer = send(HttpRequest.newBuilder(URI.create(authorize))
                    .header("Cookie", SESSION_COOKIE + "=" + session)
                    .build());
            assertThat(Browser.isRedirect(answer))
                    .as("instance %d", instance.port())
                    .isTrue();
            locations.add(Browser.location(answer));
        }
        return locations;
    }

    private static String loginSessionOf(Browser browser) {
        return browser.cookie(SESSION_COOKIE).orElseThrow();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int profileStatus(Tokens tokens) {
        return send(HttpRequest.newBuilder(URI.create(balancer.url() + "/api/users/me"))
                        .header("Authorization", bearer(tokens))
                        .timeout(Duration.ofSeconds(10))
                        .build())
                .statusCode();
    }

    private static String bearer(Tokens tokens) {
        return "Bearer " + tokens.accessToken();
    }

    /** A job like every scheduled job: locked by name, so whichever instance starts it first runs it. */
    @Component
    public static class OnceOnlyProbe {

        static final AtomicInteger RUNS = new AtomicInteger();

        @SchedulerLock(name = "test.once-only-probe", lockAtLeastFor = "PT1M")
        public void run() {
            RUNS.incrementAndGet();
        }
    }
}
