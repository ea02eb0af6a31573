package com.lightpress.platform.web;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Composes the example of a whole request or answer from the examples of its schema's fields, so
 * that a record's {@code @Schema(example = ...)} is written once and serves every operation that
 * sends or answers it. Values that need no example follow from the schema (enums, booleans,
 * identifiers and times); a field without either makes the whole example unknown, and
 * {@link #missing()} names it.
 */
final class SchemaExamples {

    static final String TIME = "2026-11-30T09:41:00Z";
    private static final Map<String, Object> BY_FORMAT = Map.of(
            "date-time", TIME,
            "date", "2026-11-30",
            "time-local", "22:00:00",
            "uuid", "6f1c2b7e-3d4a-4f5b-9c8d-0e1f2a3b4c5d",
            "email", "ada@example.com",
            "uri", "https://lightpress.example/app/");

    private final Map<String, Schema> components;
    private final Set<String> missing = new java.util.TreeSet<>();

    SchemaExamples(@Nullable Map<String, Schema> components) {
        this.components = components == null ? Map.of() : components;
    }

    /** The example of a value of this schema, empty when a field of it has none. */
    Optional<Object> of(@Nullable Schema<?> schema) {
        return Optional.ofNullable(compose(schema, "", 0));
    }

    /** The schema fields that lack an example, as Schema.field. */
    Set<String> missing() {
        return missing;
    }

    /** Reads an example written as text: JSON for JSON media types, the text itself otherwise. */
    static Object parse(String text, String mediaType) {
        if (!mediaType.contains("json")) {
            return text;
        }
        try {
            return Json.mapper().readValue(text, Object.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("An API example for " + mediaType + " is not JSON: " + text, e);
        }
    }

    private @Nullable Object compose(@Nullable Schema<?> schema, String where, int depth) {
        if (schema == null || depth > 8) {
            return null;
        }
        if (schema.getExample() != null) {
            withoutCopiedItemExample(schema);
            return value(schema, schema.getExample());
        }
        if (schema.get$ref() != null) {
            var name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return compose(components.get(name), name, depth + 1);
        }
        if (schema.getAllOf() != null && schema.getAllOf().size() == 1) {
            return compose(schema.getAllOf().get(0), where, depth + 1);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return String.valueOf(schema.getEnum().get(0));
        }
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
            return object(schema, where, depth);
        }
        if ("array".equals(schema.getType()) || schema.getItems() != null) {
            var item = compose(schema.getItems(), where, depth + 1);
            return item == null ? null : List.of(item);
        }
        if ("boolean".equals(schema.getType())) {
            return true;
        }
        return schema.getFormat() == null ? null : BY_FORMAT.get(schema.getFormat());
    }

    private @Nullable Object object(Schema<?> schema, String where, int depth) {
        var example = new LinkedHashMap<String, Object>();
        var complete = true;
        for (var property : schema.getProperties().entrySet()) {
            if (isAnything(property.getValue())) {
                continue;
            }
            var value = compose(property.getValue(), where, depth + 1);
            if (value == null) {
                missing.add(where + "." + property.getKey());
                complete = false;
            } else {
                example.put(property.getKey(), value);
            }
        }
        return complete ? example : null;
    }

    /** swagger copies a collection's {@code @Schema} to its items too: the items' copy goes. */
    private static void withoutCopiedItemExample(Schema<?> schema) {
        var items = schema.getItems();
        if (items != null && items.getExample() instanceof String text && text.startsWith("[")) {
            items.setExample(null);
            items.setExampleSetFlag(false);
        }
    }

    /** A field of no type (one accepted and ignored) has no shape to show: it is left out. */
    private static boolean isAnything(Schema<?> schema) {
        return schema.getType() == null
                && schema.getTypes() == null
                && schema.get$ref() == null
                && schema.getAllOf() == null
                && schema.getProperties() == null
                && schema.getItems() == null
                && schema.getExample() == null;
    }

    /**
     * An example as the document's JSON holds it: swagger keeps some typed (a time, a UUID) and
     * an object's or array's as the JSON text it was written in.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Schema schema, Object example) {
        if (example instanceof String text
                && (schema.getProperties() != null
                        || schema.getAdditionalProperties() != null
                        || "object".equals(schema.getType())
                        || "array".equals(schema.getType()))) {
            var parsed = parse(text, "application/json");
            schema.setExample(parsed); // written as JSON text in @Schema: the document shows the value
            return parsed;
        }
        if (example instanceof String
                || example instanceof Number
                || example instanceof Boolean
                || example instanceof Map<?, ?>
                || example instanceof List<?>) {
            return example;
        }
        if (example instanceof com.fasterxml.jackson.databind.JsonNode node) {
            return Json.mapper().convertValue(node, Object.class);
        }
        return example.toString();
    }
}
