package com.lightpress.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Api;
import com.lightpress.testing.Mailbox;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What every browser test of the web client shares: one headless Chromium per test class (skipped
 * with install instructions where there is none), a visitor with no cookies or storage at the
 * start of each test, and the application's API and OAuth flow for preparing users.
 */
abstract class BrowserTest {

    static final Pattern VERIFY_LINK = Pattern.compile("(http://\\S+/app/#/verify-email\\?token=[^\\s\"<]+)");

    static Chromium chromium;

    @Value("${local.server.port}")
    int port;

    ClientPage page;

    OAuthClient client;

    RestTestClient api;

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    /** Each test is skipped (with how to install Chromium) on a machine without it. */
    @BeforeEach
    void newVisitor() {
        if (chromium == null) {
            chromium = Chromium.start();
        }
        page = new ClientPage(chromium.driver(), host(), port);
        chromium.forgetEverything(page.base());
        client = new OAuthClient(port);
        api = Api.client(port);
    }

    /** The host the browser opens Lightpress at: the public URL's. */
    String host() {
        return "127.0.0.1";
    }

    /** A user who signed up through the API and confirmed the email with the link that was sent. */
    TestUser verifiedUser(String name) {
        var user = client.newUser(name);
        var link = VERIFY_LINK.matcher(
                Mailbox.awaitSubject(user.email(), "Confirm your email address").text());
        assertThat(link.find()).isTrue();
        var token = URLDecoder.decode(
                link.group(1).substring(link.group(1).indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
        api.post()
                .uri("/api/auth/verify-email")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"token\": \"" + token + "\"}")
                .exchange()
                .expectStatus()
                .isNoContent();
        return user;
    }
}
