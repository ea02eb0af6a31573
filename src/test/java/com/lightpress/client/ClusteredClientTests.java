package com.lightpress.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.EmbeddedServers;
import com.lightpress.testing.LightpressProcess;
import com.lightpress.testing.LoadBalancer;
import com.lightpress.testing.Mailbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The web client in a real browser against two instances behind a load balancer that sends each
 * request to the next instance in turn: the login page's form, its session and the tokens work
 * whichever instance a request lands on.
 */
class ClusteredClientTests {

    static LoadBalancer balancer;
    static final List<LightpressProcess> instances = new ArrayList<>();
    static Chromium chromium;

    @BeforeAll
    static void start() {
        chromium = Chromium.start();
        balancer = LoadBalancer.start(LoadBalancer.Routing.ROUND_ROBIN);
        var database = EmbeddedServers.shared().createDatabase();
        for (int i = 0; i < 2; i++) {
            instances.add(LightpressProcess.start(
                    database, EmbeddedServers.freePort(), Map.of("lightpress.platform.public-url", balancer.url())));
        }
        balancer.routeTo(instances.stream().map(LightpressProcess::port).toList());
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        instances.forEach(LightpressProcess::close);
        if (balancer != null) {
            balancer.close();
        }
    }

    @Test
    void signsUpLogsInSeesTheInboxAndLogsOutAcrossTwoInstances() {
        var page = new ClientPage(chromium.driver(), balancer.port());
        chromium.forgetEverything(page.base());
        var email = "round-robin-" + UUID.randomUUID() + "@example.com";
        var password = "a passphrase that crosses instances " + UUID.randomUUID();
        page.open("#/signup");
        page.type(By.name("email"), email);
        page.type(By.name("displayName"), "Robin");
        page.type(By.name("password"), password);
        page.click(By.cssSelector("#signup-form button[type=submit]"));
        page.awaitText(By.id("signup-done"), "Check your inbox");

        var link = BrowserTest.VERIFY_LINK.matcher(
                Mailbox.awaitSubject(email, "Confirm your email address").text());
        assertThat(link.find()).isTrue();
        chromium.driver().get(link.group(1));
        page.awaitText(By.id("verified"), "Your email address is confirmed");
        page.click(By.id("verified-login"));
        page.awaitUrl("/login");
        page.logInOnAuthPage(email, password);

        page.awaitUrl("#/notifications");
        page.awaitText(By.id("notification-list"), "Welcome to Lightpress");
        page.click(By.id("logout"));
        page.awaitText(By.id("banner"), "You have been logged out.");
        page.click(By.id("login"));
        page.awaitUrl("/login");
        page.await(By.id("password"));
        assertThat(balancer.served()).hasSize(2);
    }
}
