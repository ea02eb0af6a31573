package com.lightpress.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change policy: the API documents committed in docs/ are exactly what the application
 * serves, and no operation, parameter or field they promise disappears or changes type unless the
 * API's major version changes with it. {@code -Dlightpress.api.update=true} writes the served
 * documents into docs/ on purpose, refusing breaking changes under the same version.
 */
@LightpressTest
class CommittedApiDocumentTests {

    /** What the local run and the default settings call the issuer; ports differ from run to run. */
    static final String DOCUMENTED_URL = "http://localhost:8080";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Value("${lightpress.platform.public-url}")
    String issuer;

    @ParameterizedTest
    @CsvSource({"/v3/api-docs, docs/openapi.json", "/v3/api-docs/internal, docs/openapi-internal.json"})
    void committedDocumentIsTheServedOneWithoutSilentBreakingChanges(String url, String file) throws IOException {
        var live = served(url);
        var path = Path.of(file);
        var committed = Files.exists(path) ? JSON.readTree(path.toFile()) : JSON.createObjectNode();
        var breaking = ApiCompatibility.breakingChanges(committed, live);
        var sameVersion =
                committed.path("info").path("version").equals(live.path("info").path("version"));

        if (Boolean.getBoolean("lightpress.api.update")) {
            assertThat(sameVersion ? breaking : List.of())
                    .as("breaking changes need a new major version (ApiDocumentation.VERSION)")
                    .isEmpty();
            Files.writeString(path, pretty(live), StandardCharsets.UTF_8);
            committed = live;
            breaking = List.of();
        }

        assertThat(breaking)
                .as(
                        "breaking changes against %s; if deliberate, raise ApiDocumentation.VERSION and run"
                                + " ./mvnw test -Dtest=CommittedApiDocumentTests -Dlightpress.api.update=true",
                        file)
                .isEmpty();
        // equal as JSON: the order of an object's keys differs after some other contexts ran in this
        // JVM (the order of a schema's keywords, for example), and means nothing
        if (!live.equals(committed)) {
            assertThat(pretty(live))
                    .as(
                            "%s is out of date: run ./mvnw test -Dtest=CommittedApiDocumentTests"
                                    + " -Dlightpress.api.update=true and commit it",
                            file)
                    .isEqualTo(pretty(committed));
        }
    }

    /** The served document, with the addresses of this test run replaced by the documented ones. */
    private JsonNode served(String url) {
        var body = Api.read(port, url);
        var document = (tools.jackson.databind.node.ObjectNode)
                JSON.readTree(body.replace(issuer, DOCUMENTED_URL).replace("http://127.0.0.1:" + port, DOCUMENTED_URL));
        document.remove("servers");
        return document;
    }

    private static String pretty(JsonNode document) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    }
}
