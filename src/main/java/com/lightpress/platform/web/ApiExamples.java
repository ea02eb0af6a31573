package com.lightpress.platform.web;

import com.lightpress.platform.ApiExample;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Gives every request body and successful answer of a document an example, so readers and
 * generated clients see a realistic exchange: the one its method declares with {@link ApiExample},
 * otherwise one composed from the examples of the schema's fields. Problem answers refer to the
 * shared example of their status ({@link ProblemSchema}).
 */
final class ApiExamples implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ApiExamples.class);
    private static final String DECLARED = "x-declared-examples";

    /** Keeps the examples a method declares until the whole document, with its schemas, is known. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        var declared =
                AnnotatedElementUtils.findMergedRepeatableAnnotations(handlerMethod.getMethod(), ApiExample.class);
        if (!declared.isEmpty()) {
            operation.addExtension(DECLARED, List.copyOf(declared));
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        var examples = new SchemaExamples(
                openApi.getComponents() == null ? null : openApi.getComponents().getSchemas());
        openApi.getPaths()
                .values()
                .forEach(item -> item.readOperations().forEach(operation -> {
                    var declared = declared(operation);
                    if (operation.getRequestBody() != null) {
                        fill(operation.getRequestBody().getContent(), declared, ApiExample::request, examples);
                    }
                    operation.getResponses().forEach((status, response) -> {
                        if (status.startsWith("2")) {
                            fill(response.getContent(), declared, ApiExample::response, examples);
                        }
                    });
                }));
        if (!examples.missing().isEmpty()) {
            log.warn(
                    "API document {}: no example for {}; give them @Schema(example = ...)",
                    openApi.getInfo() == null ? "" : openApi.getInfo().getTitle(),
                    examples.missing());
        }
    }

    private static void fill(
            @org.jspecify.annotations.Nullable Content content,
            List<ApiExample> declared,
            Function<ApiExample, String> side,
            SchemaExamples examples) {
        if (content == null) {
            return;
        }
        content.forEach((type, media) -> {
            if (media.getExample() != null || media.getExamples() != null) {
                return;
            }
            declared.stream()
                    .filter(example -> example.mediaType().equals(type))
                    .map(side)
                    .filter(text -> !text.isEmpty())
                    .findFirst()
                    .map(text -> SchemaExamples.parse(text, type))
                    .or(() -> examples.of(media.getSchema()))
                    .ifPresent(media::setExample);
        });
    }

    @SuppressWarnings("unchecked")
    private static List<ApiExample> declared(Operation operation) {
        return operation.getExtensions() != null && operation.getExtensions().remove(DECLARED) instanceof List<?> list
                ? (List<ApiExample>) list
                : List.of();
    }
}
