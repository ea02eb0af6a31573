package com.lightpress.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.LightpressTest;
import java.time.Duration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The client keeps its login alive on its own: with ten-second access tokens it refreshes before
 * each one ends, the second time with the refresh token the first refresh returned, and never
 * leaves the page to do so. (The settings are the stream tests', so both share one application.)
 */
@LightpressTest(properties = {"lightpress.auth.tokens.access-token=10s", "lightpress.notifications.stream.per-user=2"})
class SilentRefreshTests extends BrowserTest {

    @Test
    void refreshesWithRotatedTokensBeforeTheAccessTokenEnds() {
        var user = client.newUser("Rotating");
        page.logInAt("#/notifications", user.email(), user.password());
        page.await(By.id("inbox-empty"));
        page.script("window.sameDocument = true;");

        new WebDriverWait(chromium.driver(), Duration.ofSeconds(60)).until(driver -> tokenRequests() >= 3);

        assertThat(page.script("return window.sameDocument === true;")).isEqualTo(true);
        assertThat(page.script("return performance.getEntriesByType('resource')"
                        + ".filter(entry => entry.name.endsWith('/oauth2/token'))"
                        + ".map(entry => entry.responseStatus);"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsOnly(200L);
        chromium.driver().get(page.base() + "/app/#/profile");
        page.awaitAttribute(By.name("displayName"), "value", "Rotating");
        assertThat(page.script("return window.sameDocument === true;")).isEqualTo(true);
        assertThat(page.all(By.id("logout"))).hasSize(1);
    }

    /** Requests to the token endpoint from this page: the code exchange, then each refresh. */
    private long tokenRequests() {
        return (Long) page.script("return performance.getEntriesByType('resource')"
                + ".filter(entry => entry.name.endsWith('/oauth2/token')).length;");
    }
}
