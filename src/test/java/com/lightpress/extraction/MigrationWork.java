package com.lightpress.extraction;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.lightpress.extraction.ExtractionMigrationTests.Email;
import com.lightpress.testing.Api;
import com.lightpress.testing.Deployment;
import com.lightpress.testing.MailArchive;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import com.lightpress.testing.StripeJson;
import com.lightpress.testing.StripeScenarios;
import com.lightpress.testing.StripeStub;
import com.lightpress.testing.StripeWebhooks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The work that {@link ExtractionMigrationTests} leaves unfinished in every module, and how it
 * checks that the work was finished, once, by whichever process runs the module by then.
 */
class MigrationWork {

    static final String VERIFY = "Confirm your email address";

    private final StripeStub stripe = StripeStub.shared();
    private final Deployment deployment;
    private final MailArchive mail;
    private final JdbcTemplate database;
    private TestUser admin;
    private TestUser alice;
    private TestUser bob;
    private TestUser carol;
    private TestUser dave;
    private final List<TestUser> signedUp = new ArrayList<>();
    private String aliceCustomer;
    private Map<String, Object> aliceSubscription;
    private Map<String, Object> daveSubscription;
    private final List<StubMapping> stripeFailures = new ArrayList<>();
    private final List<Map<String, Object>> slowInvoices = new ArrayList<>();
    private Instant stripeFixedAt;

    MigrationWork(Deployment deployment, MailArchive mail) {
        this.deployment = deployment;
        this.mail = mail;
        this.database = deployment.database();
    }

    /** Users, customers and a live subscription, while everything works. */
    void setUp() {
        admin = auth().admin();
        alice = user("Alice");
        bob = user("Bob");
        carol = user("Carol");
        dave = user("Dave");
        aliceCustomer = StripeScenarios.customerOf(database, alice.id());
        daveSubscription = StripeJson.subscription(
                StripeJson.id("sub"), StripeScenarios.customerOf(database, dave.id()), "price_pro_monthly", "active");
        stripe.subscription(daveSubscription);
        webhook(StripeJson.event("customer.subscription.created", daveSubscription, StripeJson.now()));
        awaitUntil(() -> count(
                        "SELECT count(*) FROM billing.subscriptions WHERE stripe_subscription_id = ?"
                                + " AND status = 'ACTIVE'",
                        daveSubscription.get("id"))
                == 1);
        StripeScenarios.customerOf(database, bob.id());
    }

    List<Email> verificationEmailsSoFar() {
        return signedUp.stream().map(user -> Email.of(user, VERIFY)).toList();
    }

    Email signUpWhileSmtpIsDown(String name) {
        return Email.of(user(name), VERIFY);
    }

    /** Users answers from its own process: a profile, and Carol disabled. */
    void usersServesItsApi() {
        assertThat(get(alice, "users", "/api/users/me")).contains(alice.email());
        assertThat(get(admin, "users", "/api/admin/users/" + carol.id())).contains("DISABLED");
    }

    /** Bob's quiet hours end in one to two minutes; his receipt waits for them. */
    Email receiptHeldBackByQuietHours() {
        var zone = ZoneId.of(OAuthClient.json(get(bob, "notifications", "/api/notifications/preferences"))
                .path("timeZone")
                .asString());
        var now = LocalTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
        Api.client(deployment.portOf("notifications"))
                .put()
                .uri("/api/notifications/preferences")
                .header(HttpHeaders.AUTHORIZATION, bob.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "categories", Map.of(),
                        "quietHours",
                                Map.of(
                                        "start",
                                        now.minusMinutes(1).toString(),
                                        "end",
                                        now.plusMinutes(2).toString())))
                .exchange()
                .expectStatus()
                .isOk();
        var number = StripeScenarios.payInvoice(deployment.portOf("billing"), customerOf(bob));
        awaitUntil(() -> count(
                        "SELECT count(*) FROM notifications.deliveries WHERE user_id = ? AND status = 'WAITING'",
                        UUID.fromString(bob.id()))
                == 1);
        return Email.of(bob, "Receipt for invoice " + number);
    }

    /** Stripe answers 500 when billing re-reads Alice's new subscription. */
    Email subscriptionWebhookWhileStripeFails() {
        aliceSubscription = StripeJson.subscription(StripeJson.id("sub"), aliceCustomer, "price_pro_monthly", "active");
        stripeFailures.add(stripe.server()
                .stubFor(WireMock.get(urlPathEqualTo("/v1/subscriptions/" + aliceSubscription.get("id")))
                        .willReturn(StripeStub.serverError())));
        webhook(StripeJson.event("customer.subscription.created", aliceSubscription, StripeJson.now()));
        return Email.of(alice, "Your Pro subscription is active");
    }

    /** Auth's table is away when an admin disables Carol in users. */
    void disableAccountWhileAuthCannotWrite() {
        database.execute("ALTER TABLE auth.credentials RENAME TO credentials_away");
        Api.client(deployment.portOf("users"))
                .post()
                .uri("/api/admin/users/" + carol.id() + "/disable")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** Stripe refuses to cancel Dave's subscription when he closes his account. */
    void closeAccountWhileStripeCannotCancel() {
        stripeFailures.add(stripe.server()
                .stubFor(WireMock.delete(urlPathEqualTo("/v1/subscriptions/" + daveSubscription.get("id")))
                        .willReturn(StripeStub.serverError())));
        Api.client(deployment.portOf("users"))
                .delete()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, dave.bearer())
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    /**
     * Waits until each module has work left in the main process: a listener that failed, or for
     * notifications an email SMTP refused, kept to be sent again (its listener completes).
     */
    void awaitUnfinished(String... modules) {
        for (var module : modules) {
            awaitUnfinishedIn("lightpress", module);
        }
    }

    /**
     * Until the module has work left: a failed publication in the registry schema, or for
     * notifications an email kept for a later attempt.
     */
    void awaitUnfinishedIn(String schema, String module) {
        awaitUntil(() -> failedIn(schema, module) > 0 || (module.equals("notifications") && emailsToRetry() > 0));
    }

    /** Publications for the module's listeners not completed yet in a registry schema. */
    int incompleteIn(String schema, String module) {
        return publications(schema, module, "");
    }

    /** Until a listener of the module has failed in that registry schema, its publication kept there. */
    void awaitFailedIn(String schema, String module) {
        awaitUntil(() -> failedIn(schema, module) > 0);
    }

    /** Notifications' in-app table is away: its listeners fail, their publications stay incomplete. */
    void keepNotificationsFromWriting() {
        database.execute("ALTER TABLE notifications.notifications RENAME TO notifications_away");
    }

    void letNotificationsWriteAgain() {
        database.execute("ALTER TABLE notifications.notifications_away RENAME TO notifications");
    }

    private int emailsToRetry() {
        return count("SELECT count(*) FROM notifications.deliveries WHERE status = 'PENDING' AND attempts > 0");
    }

    void letAuthWriteAgain() {
        database.execute("ALTER TABLE auth.credentials_away RENAME TO credentials");
    }

    void awaitAuthCaughtUp() {
        awaitUntil(() -> Boolean.TRUE.equals(database.queryForObject(
                "SELECT disabled FROM auth.credentials WHERE id = ?", Boolean.class, UUID.fromString(carol.id()))));
        awaitUntil(() -> count("SELECT count(*) FROM auth.credentials WHERE id = ?", UUID.fromString(dave.id())) == 0);
        awaitUntil(() -> incomplete("auth") == 0);
    }

    void letStripeAnswerAgain() {
        stripeFailures.forEach(stripe.server()::removeStub);
        stripe.subscription(aliceSubscription);
        stripe.subscriptionCancel(StripeJson.subscription(
                (String) daveSubscription.get("id"),
                (String) daveSubscription.get("customer"),
                "price_pro_monthly",
                "canceled"));
        stripeFixedAt = Instant.now();
    }

    void awaitBillingCaughtUp() {
        awaitUntil(() -> count(
                        "SELECT count(*) FROM billing.subscriptions WHERE stripe_subscription_id = ?"
                                + " AND status = 'ACTIVE'",
                        aliceSubscription.get("id"))
                == 1);
        awaitUntil(() -> incomplete("billing") == 0);
        assertThat(cancellationsSinceStripeWasFixed()).isEqualTo(1);
    }

    Email payInvoice() {
        return Email.of(
                alice,
                "Receipt for invoice " + StripeScenarios.payInvoice(deployment.portOf("billing"), aliceCustomer));
    }

    /** Paid invoices whose receipts wait in notifications' queue, as nobody reads it now. */
    List<Email> paidInvoicesQueuedForNotifications(int invoices) {
        var receipts = new ArrayList<Email>();
        for (int i = 0; i < invoices; i++) {
            receipts.add(payInvoice());
        }
        awaitUntil(() -> count("SELECT count(*) FROM lightpress.event_publication") == 0);
        return receipts;
    }

    /** Stripe answers the re-reads of the invoices that were slow at once again. */
    void stripeAnswersPromptly() {
        slowInvoices.forEach(invoice -> answerInvoiceReads(invoice, 0));
        slowInvoices.clear();
    }

    /** Stripe answers reads of the invoice with it, after the delay. */
    private void answerInvoiceReads(Map<String, Object> invoice, int delayMillis) {
        stripe.server()
                .stubFor(WireMock.get(urlPathEqualTo("/v1/invoices/" + invoice.get("id")))
                        .willReturn(StripeStub.json(200, invoice).withFixedDelay(delayMillis)));
    }

    /**
     * Paid invoices that the main process is still processing (Stripe answers its re-reads slowly)
     * when the test kills it.
     */
    List<Email> paidInvoicesStillBeingProcessed(int invoices) {
        var receipts = new ArrayList<Email>();
        for (int i = 0; i < invoices; i++) {
            var invoice = StripeJson.invoice(StripeJson.id("in"), aliceCustomer, StripeJson.id("sub"), "paid");
            answerInvoiceReads(invoice, 8000);
            slowInvoices.add(invoice);
            webhook(StripeJson.event("invoice.paid", invoice, StripeJson.now()));
            receipts.add(Email.of(alice, "Receipt for invoice " + invoice.get("number")));
        }
        assertThat(count("SELECT count(*) FROM lightpress.event_publication WHERE completion_date IS NULL"
                        + " AND listener_id LIKE 'com.lightpress.billing.%'"))
                .as("webhooks still being processed when the process is killed")
                .isEqualTo(invoices);
        return receipts;
    }

    /** Every email expected so far arrived once, except one still held back by quiet hours. */
    void awaitAllSentSoFar(List<Email> expected) {
        mail.awaitExactlyOnce(Email.pairs(expected.stream()
                .filter(email ->
                        !email.to().equals(bob.email()) || email.subject().equals(VERIFY))
                .toList()));
    }

    /** No publication left unfinished in any schema, no queue left to drain, Stripe told once. */
    void assertNothingLeftAnywhere() {
        awaitUntil(() -> count("SELECT count(*) FROM lightpress_shared.queues_in_use") == 0);
        for (var schema : database.queryForList(
                "SELECT table_schema FROM information_schema.tables WHERE table_name = 'event_publication'",
                String.class)) {
            awaitUntil(() -> count("SELECT count(*) FROM " + schema + ".event_publication") == 0);
        }
        assertThat(count("SELECT count(*) FROM lightpress.event_targets")).isZero();
        for (var schema : database.queryForList(
                "SELECT table_schema FROM information_schema.tables WHERE table_name = 'databasechangelog'"
                        + " AND table_schema <> 'lightpress_shared'",
                String.class)) {
            assertThat(count("SELECT count(*) FROM " + schema + ".databasechangelog WHERE filename ~"
                            + " 'db/changelog/(users|auth|billing|notifications)/'"))
                    .as("module changesets recorded in the history of %s, not the shared one", schema)
                    .isZero();
        }
        assertThat(count("SELECT count(*) FROM lightpress_shared.processes")).isEqualTo(1);
        assertThat(cancellationsSinceStripeWasFixed()).isEqualTo(1);
    }

    private long cancellationsSinceStripeWasFixed() {
        return stripe
                .server()
                .findAll(deleteRequestedFor(urlPathEqualTo("/v1/subscriptions/" + daveSubscription.get("id"))))
                .stream()
                .filter(request -> !request.getLoggedDate().before(Date.from(stripeFixedAt)))
                .count();
    }

    private int failedIn(String schema, String module) {
        return publications(schema, module, " AND status = 'FAILED'");
    }

    private int publications(String schema, String module, String condition) {
        return count(
                "SELECT count(*) FROM " + schema + ".event_publication WHERE completion_date IS NULL" + condition
                        + " AND listener_id LIKE ?",
                "com.lightpress." + module + ".%");
    }

    private int incomplete(String module) {
        var total = 0;
        for (var schema : database.queryForList(
                "SELECT table_schema FROM information_schema.tables WHERE table_name = 'event_publication'",
                String.class)) {
            total += count(
                    "SELECT count(*) FROM " + schema + ".event_publication WHERE listener_id LIKE ?",
                    "com.lightpress." + module + ".%");
        }
        return total;
    }

    private TestUser user(String name) {
        var user = auth().newUser(name);
        mail.watch(user.email());
        signedUp.add(user);
        return user;
    }

    private String customerOf(TestUser user) {
        return database.queryForObject(
                "SELECT stripe_customer_id FROM billing.customers WHERE user_id = ?",
                String.class,
                UUID.fromString(user.id()));
    }

    private void webhook(Map<String, Object> event) {
        var delivered = new StripeWebhooks(deployment.portOf("billing")).deliver(event);
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
    }

    private String get(TestUser user, String module, String path) {
        return Api.read(deployment.portOf(module), user.bearer(), path);
    }

    private OAuthClient auth() {
        return new OAuthClient(deployment.portOf("auth"));
    }

    private int count(String sql, Object... arguments) {
        Integer count = database.queryForObject(sql, Integer.class, arguments);
        return count == null ? 0 : count;
    }

    private static void awaitUntil(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(condition);
    }
}
