package com.lightpress.platform;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one shape of a 400 that names what was wrong: problem details whose {@code errors} list
 * holds a {@code field} and a {@code message} per mistake. Modules use it for their own refusals,
 * the platform for Spring MVC's.
 */
public final class FieldProblems {

    public static final String INVALID_FIELDS = "The request has invalid fields.";

    private FieldProblems() {}

    /** A 400 naming one field that was wrong. */
    public static ProblemDetail invalidField(String field, String message) {
        return badRequest(INVALID_FIELDS, List.of(error(field, message)));
    }

    /** A 400 with the given detail and the fields it names, if any. */
    public static ProblemDetail badRequest(String detail, List<Map<String, String>> errors) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
