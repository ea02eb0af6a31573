package com.lightpress.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.lightpress.testing.Api;
import com.lightpress.testing.LightpressTest;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every operation of both API documents shows an example of its request body and of each answer
 * with a body (problem answers by the shared example of their status), and every example, down to
 * those of single fields, is valid against the schema it illustrates.
 */
@LightpressTest
class ApiExampleTests {

    @Value("${local.server.port}")
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/v3/api-docs", "/v3/api-docs/internal"})
    void everyRequestBodyAndAnswerHasAnExample(String url) {
        var missing = new ArrayList<String>();
        eachMediaType(document(url), (where, media) -> {
            if (media.getExample() == null
                    && (media.getExamples() == null || media.getExamples().isEmpty())) {
                missing.add(where);
            }
        });

        assertThat(missing).as("request bodies and answers without an example").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v3/api-docs", "/v3/api-docs/internal"})
    void everyExampleIsValidAgainstItsSchema(String url) {
        var document = document(url);
        var validator = new SchemaValidator(document, new MessageResolver());
        var invalid = new ArrayList<String>();
        var checked = new ArrayList<String>();
        eachMediaType(
                document,
                (where, media) -> examples(document, media).forEach(example -> {
                    checked.add(where);
                    invalid.addAll(errors(
                            where + " (" + example.getClass().getSimpleName() + ")",
                            validator.validate(json(example), media.getSchema(), "example")));
                }));
        for (var schema : document.getComponents().getSchemas().entrySet()) {
            Map<String, Schema> properties = schema.getValue().getProperties();
            for (var field : properties == null ? Map.<String, Schema>of().entrySet() : properties.entrySet()) {
                if (field.getValue().getExample() != null) {
                    var where = schema.getKey() + "." + field.getKey();
                    checked.add(where);
                    invalid.addAll(errors(
                            where,
                            validator.validate(json(field.getValue().getExample()), field.getValue(), "example")));
                }
            }
        }

        assertThat(checked).isNotEmpty();
        assertThat(invalid).as("examples that break their own schema").isEmpty();
    }

    /** Each request body's and answer's media type, named "METHOD /path request|status type". */
    private static void eachMediaType(OpenAPI document, BiConsumer<String, MediaType> check) {
        document.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    var name = method + " " + path;
                    if (operation.getRequestBody() != null) {
                        each(name + " request", operation.getRequestBody().getContent(), check);
                    }
                    operation
                            .getResponses()
                            .forEach((status, response) -> each(name + " " + status, response.getContent(), check));
                }));
    }

    private static void each(String where, Content content, BiConsumer<String, MediaType> check) {
        if (content != null) {
            content.forEach((type, media) -> check.accept(where + " " + type, media));
        }
    }

    /** The examples of a media type, with those it refers to in the document's components. */
    private static List<Object> examples(OpenAPI document, MediaType media) {
        var examples = new ArrayList<>();
        if (media.getExample() != null) {
            examples.add(media.getExample());
        }
        if (media.getExamples() != null) {
            media.getExamples().values().forEach(example -> {
                var shared = example.get$ref() == null
                        ? example
                        : document.getComponents()
                                .getExamples()
                                .get(example.get$ref()
                                        .substring(example.get$ref().lastIndexOf('/') + 1));
                assertThat(shared).as(example.get$ref()).isNotNull();
                examples.add(shared.getValue());
            });
        }
        return examples;
    }

    private static List<String> errors(String where, ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> where + ": " + message.getMessage())
                .toList();
    }

    /** The example as the validator reads it: JSON, except that a string is given as itself. */
    private static String json(Object example) {
        if (example instanceof String text) {
            return text;
        }
        if (example instanceof byte[] bytes) { // the parser decodes a base64 example of format byte
            return java.util.Base64.getEncoder().encodeToString(bytes);
        }
        if (example instanceof com.fasterxml.jackson.databind.JsonNode node && node.isTextual()) {
            return node.asText();
        }
        try {
            return Json.mapper().writeValueAsString(example);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private OpenAPI document(String url) {
        var result = new OpenAPIV3Parser().readContents(Api.read(port, url));
        assertThat(result.getMessages()).as("parse messages of " + url).isEmpty();
        return result.getOpenAPI();
    }
}
