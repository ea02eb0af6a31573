package com.lightpress.platform.web;

import com.lightpress.platform.ApiProblems;
import com.lightpress.platform.PublicPaths;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.method.HandlerMethod;

/**
 * What every operation of a document says the same way, derived from its path so that no
 * controller can forget it: the module's tag, the security it needs (none for a module's public
 * paths, ADMIN for {@code /api/admin}, the internal scope for {@code /internal}) and every problem
 * answer it can give, the common ones plus those its method declares with {@link ApiProblems}.
 */
final class OperationContract implements GlobalOpenApiCustomizer, GlobalOperationCustomizer {

    private static final String DECLARED = "x-declared-problems";
    private static final Map<String, String> TAGS = Map.of(
            "/api/admin/", "Admin",
            "/api/auth/", "Accounts",
            "/api/users/", "Profile",
            "/api/billing/", "Billing",
            "/api/notifications/", "Notifications",
            "/internal/", "Internal");
    private static final List<Tag> TAG_DESCRIPTIONS = List.of(
            new Tag().name("Accounts").description("Sign-up, email verification, passwords."),
            new Tag().name("Profile").description("The signed-in user's own account."),
            new Tag().name("Billing").description("Plans, the subscription, checkout and invoices (Stripe)."),
            new Tag().name("Notifications").description("The in-app inbox, its live stream and preferences."),
            new Tag().name("Admin").description("Operating Lightpress: users, logins, keys, deliveries, events."),
            new Tag().name("Internal").description("Calls between Lightpress's own processes."));

    /** Parameters that mean the same in every operation that takes them. */
    private static final Map<String, String> PARAMETERS = Map.of(
            "cursor",
            "Where the page starts: the nextCursor of the previous page, opaque; leave it out for the first page."
                    + " A cursor the API did not make is a 400 naming cursor.",
            "limit",
            "How many items a page holds at most.",
            "If-Match",
            "The ETag of the version being changed (optimistic concurrency): 412 when it is stale, 428 when missing.",
            "Idempotency-Key",
            "A key of the client's choosing; a retry with the same key gets the same result instead of a second one.",
            "Last-Event-ID",
            "The id of the last event received, to resume a stream without losing what came in between.",
            "Stripe-Signature",
            "Stripe's signature of the body; events without a valid one are refused with 400.");

    private final AntPathMatcher matcher = new AntPathMatcher();
    private final List<String> publicPatterns;

    OperationContract(List<PublicPaths> publicPaths) {
        this.publicPatterns =
                publicPaths.stream().flatMap(paths -> paths.patterns().stream()).toList();
    }

    /** Keeps the statuses a method declares until the whole document is known. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        var declared = handlerMethod.getMethodAnnotation(ApiProblems.class);
        if (declared != null) {
            operation.addExtension(DECLARED, declared.value());
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .forEach((path, item) -> item.readOperations().forEach(operation -> describe(path, operation)));
        openApi.setTags(TAG_DESCRIPTIONS.stream()
                .filter(tag -> openApi.getPaths().keySet().stream()
                        .anyMatch(path -> tag(path).equals(tag.getName())))
                .toList());
    }

    private void describe(String path, Operation operation) {
        operation.setTags(List.of(tag(path)));
        if (operation.getSummary() != null) {
            operation.setOperationId(operationId(operation.getSummary()));
        }
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(parameter -> parameter.getDescription() == null)
                    .forEach(parameter -> parameter.setDescription(PARAMETERS.get(parameter.getName())));
        }
        var statuses = problemStatuses(path, operation);
        if (!isPublic(path)) {
            operation.setSecurity(security(path));
            if (!path.startsWith("/internal/")) {
                // OpenAPI 3.0 has no place for roles in a bearer requirement: an extension says it
                operation.addExtension("x-required-roles", List.of(path.startsWith("/api/admin/") ? "ADMIN" : "USER"));
            }
        }
        var responses = new ApiResponses();
        operation.getResponses().forEach((code, response) -> {
            if (!code.matches("[45]\\d\\d")) {
                responses.addApiResponse(code, response);
            }
        });
        statuses.forEach(status -> responses.addApiResponse(String.valueOf(status), ProblemSchema.response(status)));
        operation.setResponses(responses);
    }

    /** Every problem status the operation can answer: those of its kind and those it declares. */
    private TreeSet<Integer> problemStatuses(String path, Operation operation) {
        var statuses = new TreeSet<Integer>(List.of(503));
        if (!isPublic(path)) {
            statuses.addAll(List.of(401, 403));
        }
        if ((operation.getParameters() != null && !operation.getParameters().isEmpty())
                || operation.getRequestBody() != null) {
            statuses.add(400);
        }
        if (operation.getRequestBody() != null) {
            statuses.addAll(List.of(413, 415));
        }
        if (path.contains("{")) {
            statuses.add(404);
        }
        if (operation.getExtensions() != null && operation.getExtensions().remove(DECLARED) instanceof int[] declared) {
            for (var status : declared) {
                statuses.add(status);
            }
        }
        return statuses;
    }

    private List<SecurityRequirement> security(String path) {
        if (path.startsWith("/internal/")) {
            return List.of(new SecurityRequirement().addList(ApiDocumentation.INTERNAL_OAUTH2, "internal"));
        }
        return List.of(
                new SecurityRequirement().addList(ApiDocumentation.BEARER),
                new SecurityRequirement().addList(ApiDocumentation.OAUTH2, List.of("openid")));
    }

    private boolean isPublic(String path) {
        return publicPatterns.stream().anyMatch(pattern -> matcher.match(pattern, path));
    }

    /** "Change my profile" becomes changeMyProfile: the method name in generated clients. */
    private static String operationId(String summary) {
        var words = summary.replaceAll("[^A-Za-z0-9 ]", "").trim().split(" +");
        var id = new StringBuilder(words[0].toLowerCase());
        for (var word : java.util.Arrays.asList(words).subList(1, words.length)) {
            id.append(Character.toUpperCase(word.charAt(0)))
                    .append(word.substring(1).toLowerCase());
        }
        return id.toString();
    }

    private static String tag(String path) {
        return TAGS.entrySet().stream()
                .filter(entry -> (path + "/").startsWith(entry.getKey()))
                .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                .map(Map.Entry::getValue)
                .orElse("Other");
    }
}
