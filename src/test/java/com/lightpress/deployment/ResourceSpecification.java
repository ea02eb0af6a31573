package com.lightpress.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
            new ResourceProperties(template, type, propertyTypes, problems)
                    .object(where, spec.get("Properties"), resource.get("Properties"));
        });
        return problems;
    }
}
