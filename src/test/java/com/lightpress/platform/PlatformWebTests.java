package com.lightpress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every error the application answers is problem details, and the operational endpoints are open. */
@LightpressTest
@Import(PlatformWebTests.FailingEndpoint.class)
class PlatformWebTests {

    @Value("${local.server.port}")
    int port;

    RestTestClient api;

    @BeforeEach
    void connect() {
        api = Api.client(port);
    }

    @Test
    void unknownPathAnswersNotFoundProblem() {
        api.get()
                .uri("/no/such/page")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404);
    }

    @Test
    void protectedEndpointWithoutTokenAnswersUnauthorizedProblem() {
        api.get()
                .uri("/api/users/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*");
    }

    @Test
    void garbageTokenAnswersUnauthorizedProblem() {
        api.get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void wrongMethodAnswersMethodNotAllowedProblem() {
        api.delete()
                .uri("/api/billing/plans")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void malformedJsonAnswersBadRequestProblem() {
        api.post()
                .uri("/api/auth/signup")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The request body is missing or is not valid JSON.");
    }

    @Test
    void invalidFieldsAreNamedInTheProblem() {
        api.post()
                .uri("/api/auth/signup")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", "not-an-email", "password", "short", "displayName", "Ann"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat(fields.toString()).contains("email", "password"));
    }

    @Test
    void unknownFieldIsNamedInTheProblem() {
        api.post()
                .uri("/api/auth/signup")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", "a@example.com", "password", "x".repeat(12), "displayName", "A", "admin", true))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("admin");
    }

    @Test
    void unexpectedFailureAnswersProblemWithoutInternals() {
        api.get()
                .uri("/test/failure")
                .exchange()
                .expectStatus()
                .isEqualTo(500)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("IllegalStateException", "secret detail", "at com."));
    }

    @Test
    void healthProbesAndApiDocsAreOpen() {
        api.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        api.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        api.get().uri("/actuator/info").exchange().expectStatus().isOk();
        api.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
        // springdoc serves Swagger UI from its webjar with a handler of its own, which does not
        // need Boot's resource chain (off: application.yaml)
        api.get()
                .uri("/swagger-ui/index.html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("swagger-ui"));
        api.get()
                .uri("/swagger-ui/swagger-initializer.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("/v3/api-docs"));
    }

    @Test
    void modulithEndpointNeedsAnAdmin() {
        api.get().uri("/actuator/modulith").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void publicCatalogAnswersWithoutToken() {
        api.get()
                .uri("/api/billing/plans")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].code")
                .value(codes -> assertThat(codes.toString()).contains("free"));
    }

    @Test
    void signUpAnswersTheSameForNewAndKnownAddresses() {
        var email = "someone-" + UUID.randomUUID() + "@example.com";
        var request = Map.of("email", email, "password", "correct horse battery staple", "displayName", "Ann");
        var first = api.post().uri("/api/auth/signup").body(request).exchange();
        var second = api.post().uri("/api/auth/signup").body(request).exchange();
        first.expectStatus().isAccepted();
        second.expectStatus().isAccepted();
        assertThat(first.returnResult(String.class).getResponseBody())
                .isEqualTo(second.returnResult(String.class).getResponseBody());
    }

    @TestConfiguration
    static class FailingEndpoint {

        @RestController
        static class Failing {

            @GetMapping("/test/failure")
            String fail() {
                throw new IllegalStateException("secret detail");
            }
        }
    }
}
