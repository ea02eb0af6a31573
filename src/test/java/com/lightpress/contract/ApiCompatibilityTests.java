package com.lightpress.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The breaking-change check finds what a client of the older document would trip over. */
class ApiCompatibilityTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String COMMITTED = """
            {"paths": {
               "/api/things": {
                 "get": {"parameters": [{"name": "cursor", "in": "query", "schema": {"type": "string"}}],
                         "responses": {"200": {"content": {"application/json":
                             {"schema": {"$ref": "#/components/schemas/Thing"}}}}}},
                 "post": {"responses": {"201": {}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "properties": {
                 "id": {"type": "string", "format": "uuid"},
                 "count": {"type": "integer", "format": "int32"}}}}}}
            """;

    @Test
    void findsNothingInTheSameDocumentOrOneThatOnlyAdds() {
        var added = document(COMMITTED
                .replace("\"post\"", "\"put\": {\"responses\": {}}, \"post\"")
                .replace("\"id\": {", "\"name\": {\"type\": \"string\"}, \"id\": {"));

        assertThat(ApiCompatibility.breakingChanges(document(COMMITTED), document(COMMITTED)))
                .isEmpty();
        assertThat(ApiCompatibility.breakingChanges(document(COMMITTED), added)).isEmpty();
    }

    @Test
    void findsARemovedOperation() {
        var live = document(COMMITTED.replace("\"post\": {\"responses\": {\"201\": {}}}", "\"put\": {}"));

        assertThat(ApiCompatibility.breakingChanges(document(COMMITTED), live))
                .containsExactly("operation removed: POST /api/things");
    }

    @Test
    void findsARemovedFieldAndAChangedType() {
        var live = document(COMMITTED
                .replace("\"format\": \"uuid\"", "\"format\": \"uri\"")
                .replace(
                        "\"count\": {\"type\": \"integer\", \"format\": \"int32\"}",
                        "\"total\": {\"type\": \"integer\"}"));

        assertThat(ApiCompatibility.breakingChanges(document(COMMITTED), live))
                .containsExactlyInAnyOrder(
                        "type changed: Thing.id from string(uuid) to string(uri)", "field removed: Thing.count");
    }

    @Test
    void findsARemovedParameterAndANewRequiredOne() {
        var live = document(COMMITTED.replace(
                "{\"name\": \"cursor\", \"in\": \"query\", \"schema\": {\"type\": \"string\"}}",
                "{\"name\": \"page\", \"in\": \"query\", \"required\": true, \"schema\": {\"type\": \"integer\"}}"));

        assertThat(ApiCompatibility.breakingChanges(document(COMMITTED), live))
                .containsExactlyInAnyOrder(
                        "parameter removed: GET /api/things parameter cursor",
                        "required parameter added: GET /api/things page");
    }

    @Test
    void findsAResponseBodyOfAnotherType() {
        var live = document(COMMITTED.replace(
                "{\"$ref\": \"#/components/schemas/Thing\"}",
                "{\"type\": \"array\", \"items\": {\"$ref\": \"#/components/schemas/Thing\"}}"));

        assertThat(ApiCompatibility.breakingChanges(document(COMMITTED), live))
                .containsExactly("type changed: GET /api/things response 200 from #/components/schemas/Thing"
                        + " to array<#/components/schemas/Thing>");
    }

    @Test
    void acceptsANewOptionalRequestBodyButNotARequiredOne() {
        var optional = "\"post\": {\"requestBody\": {\"content\": {\"application/x-www-form-urlencoded\":"
                + " {\"schema\": {\"type\": \"object\"}}}}, \"responses\": {\"201\": {}}}";
        var live = document(COMMITTED.replace("\"post\": {\"responses\": {\"201\": {}}}", optional));
        var required = document(COMMITTED.replace(
                "\"post\": {\"responses\": {\"201\": {}}}",
                optional.replace("{\"content\"", "{\"required\": true, \"content\"")));

        assertThat(ApiCompatibility.breakingChanges(document(COMMITTED), live)).isEmpty();
        assertThat(ApiCompatibility.breakingChanges(document(COMMITTED), required))
                .containsExactly("required request body added: POST /api/things");
    }

    private static JsonNode document(String json) {
        return JSON.readTree(json);
    }
}
