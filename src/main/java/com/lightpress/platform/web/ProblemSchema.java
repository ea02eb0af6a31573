package com.lightpress.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The RFC 9457 problem-details schema with Lightpress's {@code errors} extension, and the
 * documented answer for each problem status, so every operation describes its errors one way.
 */
final class ProblemSchema {

    static final String NAME = "Problem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private ProblemSchema() {}

    static void addTo(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas("FieldError", fieldError()).addSchemas(NAME, problem());
    }

    /** The documented answer of one problem status; 401, 429 and 503 name their headers too. */
    static ApiResponse response(int status) {
        var resolved = HttpStatus.resolve(status);
        var description = resolved == null ? "Problem" : ProblemMessages.forStatus(resolved);
        var response = new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + NAME))));
        if (status == 429 || status == 503) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header()
                            .description("Seconds to wait before trying again.")
                            .schema(new IntegerSchema()));
        }
        if (status == 401) {
            response.addHeaderObject(
                    "WWW-Authenticate",
                    new Header().description("The bearer challenge (RFC 6750).").schema(new StringSchema()));
        }
        return response;
    }

    private static Schema<?> problem() {
        var errors = new ArraySchema()
                .items(new Schema<>().$ref("#/components/schemas/FieldError"))
                .description("Present on a 400: each field or parameter that was wrong, and why.");
        return new ObjectSchema()
                .description("RFC 9457 problem details. Never contains a stack trace or internals.")
                .required(List.of("status", "title"))
                .addProperty(
                        "type",
                        new StringSchema()
                                .description(
                                        "A URI naming the kind of problem; about:blank when the status says it all.")
                                .example("about:blank"))
                .addProperty(
                        "title",
                        new StringSchema()
                                .description("The status's reason phrase.")
                                .example("Bad Request"))
                .addProperty(
                        "status",
                        new IntegerSchema().description("The HTTP status.").example(400))
                .addProperty(
                        "detail",
                        new StringSchema()
                                .description("What went wrong, for a person.")
                                .example("The request has invalid fields."))
                .addProperty("instance", new StringSchema().description("The path of the request."))
                .addProperty("errors", errors);
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema()
                .required(List.of("field", "message"))
                .addProperty(
                        "field",
                        new StringSchema()
                                .description("The field or parameter, dotted for nested fields.")
                                .example("email"))
                .addProperty(
                        "message",
                        new StringSchema()
                                .description("Why it was refused.")
                                .example("must be a well-formed email address"));
    }
}
