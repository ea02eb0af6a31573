package com.lightpress.deployment;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The walk through one resource's properties for {@link ResourceSpecification}: required
 * properties present, no unknown ones, values of the declared shape, nested property types
 * followed. Intrinsic functions stand for any value; both branches of {@code Fn::If} are checked.
 */
final class ResourceProperties {

    private final Template template;
    private final String resourceType;
    private final JsonNode propertyTypes;
    private final List<String> problems;

    ResourceProperties(Template template, String resourceType, JsonNode propertyTypes, List<String> problems) {
        this.template = template;
        this.resourceType = resourceType;
        this.propertyTypes = propertyTypes;
        this.problems = problems;
    }

    void object(String where, JsonNode specs, Object value) {
        if (value == null) {
            value = Map.of();
        }
        if (branches(where, value, branch -> object(where, specs, branch)) || Intrinsics.isIntrinsic(value)) {
            return;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(where + ": expected an object, got " + value);
            return;
        }
        specs.properties().forEach(entry -> {
            if (entry.getValue().path("Required").asBoolean() && !map.containsKey(entry.getKey())) {
                problems.add(where + ": required property " + entry.getKey() + " is missing");
            }
        });
        map.forEach((key, property) -> {
            var spec = specs.get(String.valueOf(key));
            if (spec == null) {
                problems.add(where + ": unknown property " + key);
            } else {
                value(where + "." + key, spec, property);
            }
        });
    }

    private void value(String where, JsonNode spec, Object value) {
        if (branches(where, value, branch -> value(where, spec, branch))
                || (Intrinsics.isIntrinsic(value) && !spec.has("PrimitiveType"))) {
            return;
        }
        if (spec.has("PrimitiveType")) {
            primitive(where, spec.get("PrimitiveType").asString(), value);
        } else if (spec.path("Type").asString().equals("List")) {
            if (value instanceof List<?> list) {
                list.forEach(item -> item(where + "[]", spec, item));
            } else {
                problems.add(where + ": expected a list, got " + value);
            }
        } else if (spec.path("Type").asString().equals("Map")) {
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, item) -> item(where + "." + key, spec, item));
            } else {
                problems.add(where + ": expected a map, got " + value);
            }
        } else {
            propertyType(where, spec.get("Type").asString(), value);
        }
    }

    private void item(String where, JsonNode spec, Object item) {
        if (branches(where, item, branch -> item(where, spec, branch))
                || (Intrinsics.isIntrinsic(item) && !spec.has("PrimitiveItemType"))) {
            return;
        }
        if (spec.has("PrimitiveItemType")) {
            primitive(where, spec.get("PrimitiveItemType").asString(), item);
        } else {
            propertyType(where, spec.get("ItemType").asString(), item);
        }
    }

    private void propertyType(String where, String name, Object value) {
        var type = propertyTypes.get(resourceType + "." + name);
        if (type == null) {
            type = propertyTypes.get(name);
        }
        if (type == null) {
            problems.add(where + ": the specification has no property type " + name);
        } else if (type.has("PrimitiveType")) {
            primitive(where, type.get("PrimitiveType").asString(), value);
        } else {
            object(where, type.path("Properties"), value);
        }
    }

    private void primitive(String where, String type, Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("Ref")) {
            var parameter = template.parameters().get(String.valueOf(map.get("Ref")));
            if (parameter != null && isList(parameter) && !type.equals("Json")) {
                problems.add(where + ": " + map.get("Ref") + " is a list; a " + type + " needs Fn::Join");
            }
            return;
        }
        if (Intrinsics.isIntrinsic(value)) {
            return;
        }
        var fits = switch (type) {
            case "String" -> value instanceof String || value instanceof Number || value instanceof Boolean;
            case "Integer", "Long", "Double" -> value instanceof Number || isNumber(value);
            case "Boolean" -> value instanceof Boolean || "true".equals(value) || "false".equals(value);
            case "Json" -> value instanceof Map || value instanceof String;
            default -> value instanceof String;
        };
        if (!fits) {
            problems.add(where + ": expected " + type + ", got " + value);
        }
    }

    /** Checks both values of an {@code Fn::If}; AWS::NoValue removes the property. */
    private boolean branches(String where, Object value, Consumer<Object> check) {
        if (!(value instanceof Map<?, ?> map && map.size() == 1 && map.get("Fn::If") instanceof List<?> args)) {
            return false;
        }
        args.stream().skip(1).filter(branch -> !Intrinsics.isNoValue(branch)).forEach(check);
        return true;
    }

    private static boolean isList(Map<String, Object> parameter) {
        var type = String.valueOf(parameter.get("Type"));
        return type.startsWith("List<") || type.equals("CommaDelimitedList");
    }

    private static boolean isNumber(Object value) {
        try {
            Double.parseDouble(String.valueOf(value));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
