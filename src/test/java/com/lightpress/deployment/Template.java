package com.lightpress.deployment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A CloudFormation template read from cloudformation/, with typed access to its sections. */
record Template(Path file, Map<String, Object> body) {

    static Template load(Path file) {
        return new Template(file, CloudFormationYaml.load(file));
    }

    String name() {
        return file.getFileName().toString();
    }

    Map<String, Map<String, Object>> parameters() {
        return section("Parameters");
    }

    Map<String, Map<String, Object>> resources() {
        return section("Resources");
    }

    Map<String, Map<String, Object>> outputs() {
        return section("Outputs");
    }

    Map<String, Object> conditions() {
        return map(body.get("Conditions"));
    }

    Map<String, Object> mappings() {
        return map(body.get("Mappings"));
    }

    Map<String, Object> resource(String name) {
        return Optional.ofNullable(resources().get(name))
                .orElseThrow(() -> new AssertionError(name() + " has no resource " + name));
    }

    String type(String resource) {
        return (String) resource(resource).get("Type");
    }

    /** The template a nested stack resource points at, resolved next to this one. */
    Template nested(String resource) {
        var url = (String) map(resource(resource).get("Properties")).get("TemplateURL");
        return load(file.resolveSibling(url));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> section(String name) {
        var section = new LinkedHashMap<String, Map<String, Object>>();
        map(body.get(name)).forEach((key, value) -> section.put(key, (Map<String, Object>) value));
        return section;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
