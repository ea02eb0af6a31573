package com.lightpress.notifications.web;

import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Preferences per category and channel, and quiet hours, through the API. */
@LightpressTest
class PreferencesApiTests {

    @Value("${local.server.port}")
    int port;

    RestTestClient api;
    TestUser user;

    @BeforeEach
    void connect() {
        api = Api.client(port);
        user = new OAuthClient(port).newUser("Chooser");
    }

    @Test
    void everythingIsOnUntilTheUserChooses() {
        get().expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.categories.security.email")
                .isEqualTo(true)
                .jsonPath("$.categories.billing.inApp")
                .isEqualTo(true)
                .jsonPath("$.categories.product.email")
                .isEqualTo(true)
                .jsonPath("$.mandatory[0]")
                .isEqualTo("security")
                .jsonPath("$.quietHours")
                .isEmpty()
                .jsonPath("$.timeZone")
                .isEqualTo("UTC");
    }

    @Test
    void choicesAndQuietHoursAreKept() {
        put("""
                {"categories": {"billing": {"email": false, "inApp": true}, "product": {"email": false, "inApp": false}},
                 "quietHours": {"start": "22:00", "end": "07:30"}}
                """).expectStatus().isOk();

        get().expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.categories.billing.email")
                .isEqualTo(false)
                .jsonPath("$.categories.billing.inApp")
                .isEqualTo(true)
                .jsonPath("$.categories.product.inApp")
                .isEqualTo(false)
                .jsonPath("$.categories.account.email")
                .isEqualTo(true)
                .jsonPath("$.quietHours.start")
                .isEqualTo("22:00:00")
                .jsonPath("$.quietHours.end")
                .isEqualTo("07:30:00");
    }

    @Test
    void whatWasReadCanBeSentBack() {
        var read = get().expectBody(String.class).returnResult().getResponseBody();

        put(read).expectStatus().isOk();
    }

    @Test
    void securityCannotBeTurnedOff() {
        put("""
                {"categories": {"security": {"email": false, "inApp": true}}}
                """)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("categories.security");
        get().expectBody().jsonPath("$.categories.security.email").isEqualTo(true);
    }

    @Test
    void quietHoursNeedALength() {
        put("""
                {"categories": {}, "quietHours": {"start": "08:00", "end": "08:00"}}
                """)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("quietHours.end");
    }

    @Test
    void unknownCategoryIsRefusedByName() {
        put("""
                {"categories": {"marketing": {"email": false, "inApp": false}}}
                """)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("marketing");
    }

    @Test
    void channelsMustBothBeStated() {
        put("""
                {"categories": {"billing": {"email": false}}}
                """)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("categories.billing.inApp");
    }

    private RestTestClient.ResponseSpec get() {
        return api.get()
                .uri("/api/notifications/preferences")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange();
    }

    private RestTestClient.ResponseSpec put(String body) {
        return api.put()
                .uri("/api/notifications/preferences")
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }
}
