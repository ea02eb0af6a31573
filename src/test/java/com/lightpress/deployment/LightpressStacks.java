package com.lightpress.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/** The CloudFormation templates and parameter files of cloudformation/, and evaluations of them. */
final class LightpressStacks {

    static final Path DIRECTORY = NodeTools.PROJECT.resolve("cloudformation");

    static final Path ROOT = DIRECTORY.resolve("lightpress.yaml");

    static final List<String> ENVIRONMENTS = List.of("staging", "production");

    private LightpressStacks() {}

    static List<String> environmentNames() {
        return ENVIRONMENTS;
    }

    static List<Path> templates() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path parameterFile(String environment) {
        return DIRECTORY.resolve("parameters/" + environment + ".json");
    }

    /** The values of a parameter file ([{"ParameterKey": ..., "ParameterValue": ...}]), in file order. */
    static Map<String, String> parameters(String environment) {
        var values = new LinkedHashMap<String, String>();
        JsonMapper.builder()
                .build()
                .readTree(parameterFile(environment).toFile())
                .forEach(entry -> {
                    var key = entry.get("ParameterKey").asString();
                    if (values.put(key, entry.get("ParameterValue").asString()) != null) {
                        throw new AssertionError(environment + ".json sets " + key + " twice");
                    }
                });
        return values;
    }

    /** The root stack of an environment as its parameter file deploys it, with some values changed. */
    static StackEvaluation root(String environment, Map<String, String> overrides) {
        var values = new LinkedHashMap<>(parameters(environment));
        values.putAll(overrides);
        return new StackEvaluation(Template.load(ROOT), values);
    }
}
