package com.lightpress.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Api;
import com.lightpress.testing.SplitDeployment;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** A call to a module whose process is down is refused clearly, and nothing is half done. */
class RemoteModuleDownTests {

    SplitDeployment deployment = SplitDeployment.extracting("users");

    @AfterEach
    void stop() {
        deployment.close();
    }

    @Test
    void signUpAnswersServiceUnavailableWhileUsersIsDown() {
        deployment.startMain();
        var email = "waiting-" + UUID.randomUUID() + "@example.com";

        Api.client(deployment.portOf("auth"))
                .post()
                .uri("/api/auth/signup")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", "a long enough passphrase 7", "displayName", "Waiting"))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The users service is not available right now.");

        assertThat(deployment
                        .main()
                        .jdbc()
                        .queryForObject("SELECT count(*) FROM auth.credentials WHERE email = ?", Integer.class, email))
                .isZero();
    }
}
