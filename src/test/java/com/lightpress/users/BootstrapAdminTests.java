package com.lightpress.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import com.lightpress.testing.OAuthClient.Tokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;

/**
 * An address listed in {@code lightpress.users.bootstrap-admins} makes its account ADMIN only once
 * its owner proved it, and only while nobody else is ADMIN. The whole story runs in order in one
 * test, because "is there an admin yet" is the state it is about.
 */
@LightpressTest(
        properties = "lightpress.users.bootstrap-admins=" + OAuthClient.ADMIN_EMAIL + "," + BootstrapAdminTests.SECOND)
class BootstrapAdminTests {

    static final String SECOND = "second-admin@lightpress.test";

    @Value("${local.server.port}")
    int port;

    @Test
    void bootstrapAddressNeedsItsOwnerAndNoOtherAdmin() {
        var client = new OAuthClient(port);
        var password = "the first admin's long passphrase " + UUID.randomUUID();

        client.signUp(OAuthClient.ADMIN_EMAIL, password, "First Admin");
        var unproven = client.logIn(OAuthClient.ADMIN_EMAIL, password);
        assertThat(roles(unproven)).doesNotContain("ADMIN");
        assertAdminApi(unproven, 403);

        client.verifyEmail(OAuthClient.ADMIN_EMAIL);
        var proven = client.logIn(OAuthClient.ADMIN_EMAIL, password);
        assertThat(roles(proven)).contains("ADMIN");
        assertAdminApi(proven, 200);

        var secondPassword = "a second bootstrap passphrase " + UUID.randomUUID();
        client.signUp(SECOND, secondPassword, "Second");
        client.verifyEmail(SECOND);
        var second = client.logIn(SECOND, secondPassword);
        assertThat(roles(second)).as("an admin exists already").doesNotContain("ADMIN");

        Api.client(port)
                .delete()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + proven.accessToken())
                .exchange()
                .expectStatus()
                .isNoContent();
        var strangerPassword = "the stranger's own passphrase " + UUID.randomUUID();
        client.signUp(OAuthClient.ADMIN_EMAIL, strangerPassword, "Not The Admin");
        var stranger = client.logIn(OAuthClient.ADMIN_EMAIL, strangerPassword);
        assertThat(roles(stranger))
                .as("the address of an admin who left, unproven")
                .doesNotContain("ADMIN");
        assertAdminApi(stranger, 403);
    }

    private static String roles(Tokens tokens) {
        return tokens.claims().path("roles").toString();
    }

    private void assertAdminApi(Tokens tokens, int status) {
        Api.client(port)
                .get()
                .uri("/api/admin/users")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken())
                .exchange()
                .expectStatus()
                .isEqualTo(status);
    }
}
