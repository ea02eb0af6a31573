package com.lightpress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The API documents tell clients the truth: security schemes with Lightpress's real endpoints,
 * no parameter that the server fills in itself, module tags, a summary and description and the
 * problem answers of every operation, and the public and internal APIs apart from error pages.
 */
@LightpressTest
class ApiDocumentTests {

    private static final Set<String> TAGS = Set.of("Accounts", "Profile", "Billing", "Notifications", "Admin");

    @Value("${local.server.port}")
    int port;

    @Value("${lightpress.platform.public-url}")
    String issuer;

    RestTestClient api;

    @BeforeEach
    void connect() {
        api = Api.client(port);
    }

    @Test
    void publicDocumentNamesBearerAndOAuthSchemesWithTheRealEndpoints() {
        var schemes = document("/v3/api-docs").path("components").path("securitySchemes");

        assertThat(schemes.path("bearer").path("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.path("bearer").path("bearerFormat").asString()).isEqualTo("JWT");
        var code = schemes.path("oauth2").path("flows").path("authorizationCode");
        assertThat(code.path("authorizationUrl").asString()).isEqualTo(issuer + "/oauth2/authorize");
        assertThat(code.path("tokenUrl").asString()).isEqualTo(issuer + "/oauth2/token");
        assertThat(schemes.path("oauth2")
                        .path("x-device-authorization")
                        .path("deviceAuthorizationUrl")
                        .asString())
                .isEqualTo(issuer + "/oauth2/device_authorization");
        assertThat(schemes.path("internalClient").isMissingNode()).isTrue();
    }

    @Test
    void realEndpointsOfTheSchemesAnswer() {
        var discovery = OAuthClient.json(api.get()
                .uri("/.well-known/openid-configuration")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());

        assertThat(discovery.path("authorization_endpoint").asString()).isEqualTo(issuer + "/oauth2/authorize");
        assertThat(discovery.path("token_endpoint").asString()).isEqualTo(issuer + "/oauth2/token");
        assertThat(discovery.path("device_authorization_endpoint").asString())
                .isEqualTo(issuer + "/oauth2/device_authorization");
    }

    @Test
    void everyOperationHasATagSummaryDescriptionAndNoInjectedParameter() {
        var problems = new ArrayList<String>();
        operations(document("/v3/api-docs")).forEach(operation -> {
            var node = operation.node();
            if (!TAGS.contains(node.path("tags").path(0).asString())) {
                problems.add(operation + " has tags " + node.path("tags"));
            }
            if (node.path("summary").asString("").isBlank()) {
                problems.add(operation + " has no summary");
            }
            if (node.path("description").asString("").isBlank()) {
                problems.add(operation + " has no description");
            }
            for (var parameter : node.path("parameters")) {
                var name = parameter.path("name").asString();
                if (Set.of("user", "admin", "requestLocale").contains(name)) {
                    problems.add(operation + " asks the client for " + name);
                }
            }
        });

        assertThat(problems).isEmpty();
    }

    @Test
    void everyOperationDocumentsItsProblemAnswersAndSecurity() {
        var problems = new ArrayList<String>();
        operations(document("/v3/api-docs")).forEach(operation -> {
            var node = operation.node();
            var responses = node.path("responses");
            var secured = node.has("security");
            for (var status : secured ? List.of("401", "403", "503") : List.of("503")) {
                var schema = responses
                        .path(status)
                        .path("content")
                        .path(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .path("schema")
                        .path("$ref")
                        .asString("");
                if (!schema.equals("#/components/schemas/Problem")) {
                    problems.add(operation + " does not document " + status + " as problem details");
                }
            }
            if (operation.path().startsWith("/api/admin/")
                    && !node.path("x-required-roles").toString().contains("ADMIN")) {
                problems.add(operation + " does not say it needs ADMIN");
            }
        });

        assertThat(problems).isEmpty();
        var problem =
                document("/v3/api-docs").path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties")
                        .path("errors")
                        .path("items")
                        .path("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/FieldError");
    }

    @Test
    void publicAndInternalApisAreSeparateAndErrorPagesInNeither() {
        var publicPaths = paths(document("/v3/api-docs"));
        var internal = document("/v3/api-docs/internal");

        assertThat(publicPaths).isNotEmpty().allMatch(path -> path.startsWith("/api/"));
        assertThat(paths(document("/v3/api-docs/public"))).isEqualTo(publicPaths);
        assertThat(paths(internal)).isNotEmpty().allMatch(path -> path.startsWith("/internal/"));
        assertThat(internal.path("components")
                        .path("securitySchemes")
                        .path("internalClient")
                        .path("flows")
                        .path("clientCredentials")
                        .path("tokenUrl")
                        .asString())
                .isEqualTo(issuer + "/oauth2/token");
        operations(internal)
                .forEach(operation -> assertThat(
                                operation.node().path("security").toString())
                        .as(operation.toString())
                        .contains("internal"));
    }

    @Test
    void errorPageAskedForDirectlyIsNotFoundProblem() {
        for (var method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
            api.method(org.springframework.http.HttpMethod.valueOf(method))
                    .uri("/error")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private JsonNode document(String path) {
        return OAuthClient.json(Api.read(port, path));
    }

    private static List<String> paths(JsonNode document) {
        return document.path("paths").propertyNames().stream().sorted().toList();
    }

    static List<DocumentedOperation> operations(JsonNode document) {
        var operations = new ArrayList<DocumentedOperation>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation -> operations.add(new DocumentedOperation(
                                operation.getKey().toUpperCase(), path.getKey(), operation.getValue()))));
        return operations;
    }

    record DocumentedOperation(String method, String path, JsonNode node) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
