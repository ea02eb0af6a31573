package com.lightpress.extraction;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.auth.AuthProtocol;
import com.lightpress.auth.factors.SecondFactors;
import com.lightpress.billing.Entitlements;
import com.lightpress.testing.Api;
import com.lightpress.testing.Browser;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.SplitDeployment;
import com.lightpress.testing.StripeJson;
import com.lightpress.testing.StripeScenarios;
import com.lightpress.testing.StripeStub;
import com.lightpress.testing.StripeWebhooks;
import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.ClassUtils;

/**
 * Each module runs alone in a second process, the other three in the main one, and both its
 * endpoints and its listeners still work: nothing but configuration changes. A user's data export,
 * taken where users runs, still holds every section a monolith's export holds (each module's
 * part, auth's second factors included), and closing the account still erases every module's
 * part, whichever process holds it.
 */
class EveryModuleExtractableTests {

    SplitDeployment deployment;
    OAuthClient auth;

    @AfterEach
    void stop() {
        deployment.close();
    }

    @ParameterizedTest(name = "{0} in its own process")
    @ValueSource(strings = {"users", "auth", "billing", "notifications"})
    void moduleWorksInItsOwnProcessAndPersonalDataSpansBothProcesses(String module) throws Exception {
        deployment = SplitDeployment.extracting(module).startBoth();
        auth = new OAuthClient(deployment.portOf("auth"));
        var user = auth.newUser("Extracted " + module);

        switch (module) {
            case "users" -> usersServesProfilesAndItsClosureReachesAuth(user);
            case "auth" -> authIssuesTokensOthersAcceptAndHearsOfDisabledAccounts(user);
            case "billing" -> billingMirrorsStripeAndServesEntitlementsToOthers(user);
            default -> notificationsHearsOfSignUps(user);
        }
        exportHoldsEveryModulesPartAndClosingErasesThem(auth.newUser("Exported " + module));
    }

    private void exportHoldsEveryModulesPartAndClosingErasesThem(TestUser user) throws Exception {
        enrolAuthenticatorApp(user);
        var database = deployment.main().jdbc();
        var customer = StripeScenarios.customerOf(database, user.id());
        var subscription = subscribe(user, customer);
        var number = StripeScenarios.payInvoice(deployment.portOf("billing"), customer);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api("notifications", user, "/api/notifications")
                                .returnResult(String.class)
                                .getResponseBody())
                        .contains(number));

        var export = OAuthClient.json(api("users", user, "/api/users/me/export")
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody());

        assertThat(export.propertyNames())
                .as("the sections of a monolith's export")
                .containsExactlyInAnyOrderElementsOf(sectionsOfAMonolith());
        assertThat(export.path("users").path("email").asString()).isEqualTo(user.email());
        assertThat(export.path("auth").path("email").asString()).isEqualTo(user.email());
        assertThat(export.path("billing").path("invoices").toString()).contains(number);
        assertThat(export.path("billing").path("subscriptions").toString()).contains("\"status\":\"ACTIVE\"");
        assertThat(export.path("notifications").path("inbox").toString()).contains(number);
        assertThat(export.path("notifications").path("emails").size()).isGreaterThanOrEqualTo(2);
        var factors = export.path(AuthProtocol.FACTORS_SECTION);
        assertThat(factors.path(SecondFactors.AUTHENTICATOR_APP).path("addedAt").isString())
                .as(factors.toString())
                .isTrue();
        assertThat(factors.path("recoveryCodes").path("left").asInt()).isEqualTo(10);

        Api.client(deployment.portOf("users"))
                .delete()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isNoContent();

        var id = UUID.fromString(user.id());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(count(database, "SELECT count(*) FROM users.accounts WHERE id = ?", id))
                    .isZero();
            assertThat(count(database, "SELECT count(*) FROM auth.credentials WHERE id = ?", id))
                    .isZero();
            assertThat(count(database, "SELECT count(*) FROM auth.recovery_codes WHERE credential_id = ?", id))
                    .isZero();
            assertThat(count(
                            database,
                            "SELECT count(*) FROM auth.authorizations WHERE principal_name = ? AND revoked_at IS NULL",
                            user.id()))
                    .isZero();
            assertThat(count(database, "SELECT count(*) FROM notifications.notifications WHERE user_id = ?", id))
                    .isZero();
            assertThat(count(database, "SELECT count(*) FROM notifications.deliveries WHERE user_id = ?", id))
                    .isZero();
            assertThat(count(database, "SELECT count(*) FROM notifications.preferences WHERE user_id = ?", id))
                    .isZero();
            assertThat(count(
                            database,
                            "SELECT count(*) FROM billing.invoices WHERE user_id = ? AND anonymized_at IS NULL",
                            id))
                    .isZero();
            assertThat(count(
                            database,
                            "SELECT count(*) FROM billing.subscriptions WHERE user_id = ? AND status <> 'CANCELED'",
                            id))
                    .isZero();
        });
        assertThat(StripeStub.shared()
                        .server()
                        .findAll(deleteRequestedFor(urlPathEqualTo("/v1/subscriptions/" + subscription))))
                .as("the subscription is cancelled in Stripe once")
                .hasSize(1);
        assertThat(auth.refresh(user.tokens().refreshToken()).statusCode()).isEqualTo(400);
    }

    /**
     * The sections a monolith exports: those the processes answer themselves, not through a
     * module's remote adapter, together (every module runs in one of the two).
     */
    private Set<String> sectionsOfAMonolith() {
        return Stream.of(deployment.main(), deployment.extracted())
                .flatMap(process -> process.beans(PersonalData.class).stream())
                .filter(data -> !ClassUtils.getUserClass(data).getPackageName().endsWith(".remote"))
                .map(PersonalData::section)
                .collect(Collectors.toSet());
    }

    /** An authenticator app set up where auth runs, so the export has second factors to show. */
    private void enrolAuthenticatorApp(TestUser user) throws Exception {
        var started = Api.client(deployment.portOf("auth"))
                .post()
                .uri("/api/auth/factors/authenticator-app")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        var secret = OAuthClient.json(started).path("secret").asString();
        var code = new DefaultCodeGenerator().generate(secret, Instant.now().getEpochSecond() / 30);
        Api.client(deployment.portOf("auth"))
                .post()
                .uri("/api/auth/factors/authenticator-app/confirm")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** A live Pro subscription, mirrored from Stripe, with notification preferences of its own. */
    private String subscribe(TestUser user, String customer) {
        var subscription = StripeJson.subscription(StripeJson.id("sub"), customer, "price_pro_monthly", "active");
        var id = (String) subscription.get("id");
        StripeStub.shared().subscription(subscription);
        StripeStub.shared().subscriptionCancel(StripeJson.subscription(id, customer, "price_pro_monthly", "canceled"));
        var delivered = new StripeWebhooks(deployment.portOf("billing"))
                .deliver(StripeJson.event("customer.subscription.created", subscription, StripeJson.now()));
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        Api.client(deployment.portOf("notifications"))
                .put()
                .uri("/api/notifications/preferences")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("categories", Map.of("billing", Map.of("email", true, "inApp", true))))
                .exchange()
                .expectStatus()
                .isOk();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                deployment.main().jdbc(),
                                "SELECT count(*) FROM billing.subscriptions WHERE user_id = ? AND status = 'ACTIVE'",
                                UUID.fromString(user.id()))
                        == 1);
        return id;
    }

    private static int count(JdbcTemplate database, String sql, Object id) {
        return database.queryForObject(sql, Integer.class, id);
    }

    /** Sign-up registered the account in users over HTTP; closing it there ends the login in auth. */
    private void usersServesProfilesAndItsClosureReachesAuth(TestUser user) {
        api("users", user, "/api/users/me")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(user.email());

        Api.client(deployment.portOf("users"))
                .delete()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange()
                .expectStatus()
                .isNoContent();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> auth.refresh(user.tokens().refreshToken()).statusCode() == 400);
        var browser = new Browser(deployment.portOf("auth"));
        assertThat(Browser.location(browser.logIn(browser.get("/login"), user.email(), user.password())))
                .endsWith("/login?error");
    }

    /** Tokens from auth's process are accepted by users; an admin's disabling reaches auth. */
    private void authIssuesTokensOthersAcceptAndHearsOfDisabledAccounts(TestUser user) {
        api("users", user, "/api/users/me").expectStatus().isOk();
        var admin = auth.admin();

        Api.client(deployment.portOf("users"))
                .post()
                .uri("/api/admin/users/" + user.id() + "/disable")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange()
                .expectStatus()
                .isOk();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> auth.refresh(user.tokens().refreshToken()).statusCode() == 400);
    }

    /** A webhook is mirrored in billing's process, and the main process reads entitlements over HTTP. */
    private void billingMirrorsStripeAndServesEntitlementsToOthers(TestUser user) {
        var customer = StripeScenarios.customerOf(deployment.extracted().jdbc(), user.id());
        var subscription = StripeJson.subscription(StripeJson.id("sub"), customer, "price_pro_monthly", "active");
        StripeStub.shared().subscription(subscription);

        var delivered = new StripeWebhooks(deployment.portOf("billing"))
                .deliver(StripeJson.event("customer.subscription.created", subscription, StripeJson.now()));

        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> api("billing", user, "/api/billing/subscription")
                        .expectStatus()
                        .isOk());
        var entitlements = deployment.main().bean(Entitlements.class).of(new UserId(UUID.fromString(user.id())));
        assertThat(entitlements.plan()).isEqualTo("pro");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api("notifications", user, "/api/notifications")
                                .returnResult(String.class)
                                .getResponseBody())
                        .contains("Pro"));
    }

    /** Sign-up in the main process becomes a verification email sent by notifications' process. */
    private void notificationsHearsOfSignUps(TestUser user) {
        Mailbox.awaitSubject(user.email(), "Confirm your email address");
        api("notifications", user, "/api/notifications").expectStatus().isOk();
    }

    private RestTestClient.ResponseSpec api(String module, TestUser user, String path) {
        return Api.client(deployment.portOf(module))
                .get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange();
    }
}
