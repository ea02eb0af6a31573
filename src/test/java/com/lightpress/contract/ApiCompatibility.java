package com.lightpress.contract;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The breaking changes between the committed API document and a newer one: an operation, a
 * parameter or a schema field that is gone, a type that changed, a parameter or a request body that
 * became required.
 * Whatever a generated client of the committed document relies on must still be there.
 */
final class ApiCompatibility {

    private final JsonNode committed;
    private final JsonNode live;
    private final List<String> breaking = new ArrayList<>();

    private ApiCompatibility(JsonNode committed, JsonNode live) {
        this.committed = committed;
        this.live = live;
    }

    static List<String> breakingChanges(JsonNode committed, JsonNode live) {
        var check = new ApiCompatibility(committed, live);
        check.operations();
        check.schemas();
        return List.copyOf(check.breaking);
    }

    private void operations() {
        committed
                .path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    var name = operation.getKey().toUpperCase() + " " + path.getKey();
                    var now = live.path("paths").path(path.getKey()).path(operation.getKey());
                    if (now.isMissingNode()) {
                        breaking.add("operation removed: " + name);
                    } else {
                        parameters(name, operation.getValue(), now);
                        responses(name, operation.getValue(), now);
                    }
                }));
    }

    private void parameters(String operation, JsonNode before, JsonNode now) {
        for (var parameter : before.path("parameters")) {
            var match = find(now.path("parameters"), parameter);
            var name = operation + " parameter " + parameter.path("name").asString();
            if (match == null) {
                breaking.add("parameter removed: " + name);
            } else {
                type(name, parameter.path("schema"), match.path("schema"));
            }
        }
        for (var parameter : now.path("parameters")) {
            if (parameter.path("required").asBoolean(false) && find(before.path("parameters"), parameter) == null) {
                breaking.add("required parameter added: " + operation + " "
                        + parameter.path("name").asString());
            }
        }
        requestBody(operation, before.path("requestBody"), now.path("requestBody"));
    }

    /** A request body where there was none breaks clients only if they must send it. */
    private void requestBody(String operation, JsonNode before, JsonNode now) {
        if (before.isMissingNode() && !now.isMissingNode()) {
            if (now.path("required").asBoolean(false)) {
                breaking.add("required request body added: " + operation);
            }
            return;
        }
        type(operation + " request body", body(before), body(now));
    }

    private void responses(String operation, JsonNode before, JsonNode now) {
        before.path("responses").properties().forEach(response -> {
            if (response.getKey().startsWith("2")) {
                var name = operation + " response " + response.getKey();
                if (now.path("responses").path(response.getKey()).isMissingNode()) {
                    breaking.add("response removed: " + name);
                } else {
                    type(
                            name,
                            body(response.getValue()),
                            body(now.path("responses").path(response.getKey())));
                }
            }
        });
    }

    private void schemas() {
        committed.path("components").path("schemas").properties().forEach(schema -> {
            var now = live.path("components").path("schemas").path(schema.getKey());
            if (now.isMissingNode()) {
                breaking.add("schema removed: " + schema.getKey());
                return;
            }
            schema.getValue().path("properties").properties().forEach(property -> {
                var name = schema.getKey() + "." + property.getKey();
                var field = now.path("properties").path(property.getKey());
                if (field.isMissingNode()) {
                    breaking.add("field removed: " + name);
                } else {
                    type(name, property.getValue(), field);
                }
            });
        });
    }

    private void type(String name, JsonNode before, JsonNode now) {
        var was = describe(committed, before);
        var is = describe(live, now);
        if (!was.equals(is)) {
            breaking.add("type changed: " + name + " from " + was + " to " + is);
        }
    }

    /**
     * What a client deserializes a schema as: its type and format, the object it refers to, or its
     * item type. A reference to an enum of strings is a string on the wire.
     */
    private static String describe(JsonNode document, JsonNode schema) {
        if (schema.isMissingNode() || schema.isNull()) {
            return "nothing";
        }
        if (schema.has("$ref")) {
            var ref = schema.path("$ref").asString();
            var target = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
            return target.has("enum") ? describe(document, target) : ref;
        }
        var type = schema.path("type").isArray()
                ? schema.path("type").toString()
                : schema.path("type").asString("any");
        var format = schema.path("format").asString("");
        var items = schema.has("items") ? "<" + describe(document, schema.path("items")) + ">" : "";
        return type + (format.isEmpty() ? "" : "(" + format + ")") + items;
    }

    private static JsonNode body(JsonNode withContent) {
        var content = withContent.path("content");
        for (var type : List.of("application/json", "*/*", "text/event-stream", "text/html")) {
            if (content.has(type)) {
                return content.path(type).path("schema");
            }
        }
        return content.properties().stream()
                .findFirst()
                .map(entry -> entry.getValue().path("schema"))
                .orElse(withContent.path("absent"));
    }

    private static JsonNode find(JsonNode parameters, JsonNode parameter) {
        for (var candidate : parameters) {
            if (candidate.path("name").asString().equals(parameter.path("name").asString())
                    && candidate
                            .path("in")
                            .asString()
                            .equals(parameter.path("in").asString())) {
                return candidate;
            }
        }
        return null;
    }
}
