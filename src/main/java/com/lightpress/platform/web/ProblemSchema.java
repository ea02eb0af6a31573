package com.lightpress.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The RFC 9457 problem-details schema with Lightpress's {@code errors} extension, and the
 * documented answer for each problem status with one shared example per status, so every
 * operation describes its errors one way.
 */
final class ProblemSchema {

    static final String NAME = "Problem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** What each problem status typically says; the examples every operation refers to. */
    private static final Map<Integer, String> DETAILS = Map.ofEntries(
            Map.entry(400, "The request has invalid fields."),
            Map.entry(401, "A valid access token is required."),
            Map.entry(403, "You are not allowed to do this."),
            Map.entry(404, "No such resource."),
            Map.entry(409, "You already have a subscription; change its plan instead."),
            Map.entry(412, "The account changed since the version the client based its change on."),
            Map.entry(413, "The request body is too large."),
            Map.entry(415, "Content-Type 'text/plain' is not supported."),
            Map.entry(428, "Send the ETag of the profile you changed in If-Match."),
            Map.entry(429, "Too many requests from your network. Try again later."),
            Map.entry(502, "Stripe could not be reached. Nothing was changed; please try again."),
            Map.entry(503, "The billing service is not available right now."));

    private ProblemSchema() {}

    static void addTo(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas("FieldError", fieldError()).addSchemas(NAME, problem());
        new java.util.TreeSet<>(DETAILS.keySet())
                .forEach(status -> openApi.getComponents().addExamples(exampleName(status), example(status)));
    }

    /** The documented answer of one problem status; 401, 429 and 503 name their headers too. */
    static ApiResponse response(int status) {
        var resolved = HttpStatus.resolve(status);
        var description = resolved == null ? "Problem" : ProblemMessages.forStatus(resolved);
        var body = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + NAME));
        if (DETAILS.containsKey(status)) {
            body.examples(Map.of("problem", new Example().$ref("#/components/examples/" + exampleName(status))));
        }
        var response =
                new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON, body));
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

    private static String exampleName(int status) {
        return NAME + status;
    }

    private static Example example(int status) {
        var resolved = HttpStatus.valueOf(status);
        var value = new LinkedHashMap<String, Object>();
        value.put("type", "about:blank");
        value.put("title", resolved.getReasonPhrase());
        value.put("status", status);
        value.put("detail", DETAILS.get(status));
        value.put("instance", status == 400 ? "/api/auth/signup" : "/api/users/me");
        if (status == 400) {
            value.put("errors", List.of(Map.of("field", "email", "message", "must be a well-formed email address")));
        }
        return new Example().summary(status + " " + resolved.getReasonPhrase()).value(value);
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
