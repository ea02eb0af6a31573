package com.lightpress.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CloudFormation resource specification (from the npm package {@code @aws-cdk/cfnspec}, which
 * the build installs), and a check of a template's resources against it: known types, known
 * properties, required properties present, and values of the right shape down to nested
 * property types. Intrinsic functions stand for any value; both branches of {@code Fn::If} are
 * checked.
 */
final class ResourceSpecification {

    static final Path FILE = NodeTools.MODULES.resolve("@aws-cdk/cfnspec/spec/specification.json");

    private static final Set<String> RESOURCE_KEYS = Set.of(
            "Type",
            "Properties",
            "DependsOn",
            "Condition",
            "DeletionPolicy",
            "UpdateReplacePolicy",
            "Metadata",
            "CreationPolicy",
            "UpdatePolicy");

    private static ResourceSpecification loaded;

    private final JsonNode resourceTypes;
    private final JsonNode propertyTypes;

    private ResourceSpecification(JsonNode specification) {
        this.resourceTypes = specification.get("ResourceTypes");
        this.propertyTypes = specification.get("PropertyTypes");
    }

    static synchronized ResourceSpecification load() {
        if (loaded == null) {
            loaded = new ResourceSpecification(JsonMapper.builder()
                    .build()
                    .readTree(NodeTools.require(FILE).toFile()));
        }
        return loaded;
    }

    Set<String> attributes(String type) {
        var spec = resourceTypes.get(type);
        return spec == null || spec.get("Attributes") == null
                ? Set.of()
                : Set.copyOf(spec.get("Attributes").propertyNames());
    }

    List<String> check(Template template) {
        var problems = new ArrayList<String>();
        template.resources().forEach((name, resource) -> {
            var where = template.name() + " " + name;
            resource.keySet().stream()
                    .filter(key -> !RESOURCE_KEYS.contains(key))
                    .forEach(key -> problems.add(where + ": unknown resource attribute " + key));
            var type = String.valueOf(resource.get("Type"));
            var spec = resourceTypes.get(type);
            if (spec == null) {
                problems.add(where + ": unknown resource type " + type);
                return;
            }
            new Properties(template, type, problems).object(where, spec.get("Properties"), resource.get("Properties"));
        });
        return problems;
    }

    /** The walk through one resource's properties. */
    private final class Properties {

        private final Template template;
        private final String resourceType;
        private final List<String> problems;

        Properties(Template template, String resourceType, List<String> problems) {
            this.template = template;
            this.resourceType = resourceType;
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
        private boolean branches(String where, Object value, java.util.function.Consumer<Object> check) {
            if (!(value instanceof Map<?, ?> map && map.size() == 1 && map.get("Fn::If") instanceof List<?> args)) {
                return false;
            }
            args.stream()
                    .skip(1)
                    .filter(branch -> !Intrinsics.isNoValue(branch))
                    .forEach(check);
            return true;
        }
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
