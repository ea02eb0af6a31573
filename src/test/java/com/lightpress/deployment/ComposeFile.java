package com.lightpress.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml as Compose would run it with a set of variables (none, or those of an env
 * file such as docker/split.env), alone or with docker-compose.dev.yml over it: YAML merge keys
 * applied, {@code ${VAR:-default}} interpolated, and only the services whose profiles are active.
 */
record ComposeFile(Map<String, Object> body, Map<String, String> variables) {

    static final Path FILE = NodeTools.PROJECT.resolve("docker-compose.yml");
    static final Path DEVELOPMENT_FILE = NodeTools.PROJECT.resolve("docker-compose.dev.yml");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}|\\$\\$");

    static ComposeFile load(Map<String, String> variables) {
        return new ComposeFile(read(FILE), variables);
    }

    /**
     * The development mode, {@code docker compose -f docker-compose.yml -f docker-compose.dev.yml}:
     * the second file merged over the first as Compose merges mappings, key by key, and replaces
     * single values and the entrypoint; it sets nothing Compose would append instead (ports,
     * volumes), which {@code DockerComposeDevelopmentTests} checks.
     */
    static ComposeFile loadDevelopment(Map<String, String> variables) {
        return new ComposeFile(merge(read(FILE), read(DEVELOPMENT_FILE)), variables);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) {
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return (Map<String, Object>) new Yaml(new SafeConstructor(options)).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        var merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> merged.merge(
                key,
                value,
                (old, replacement) -> old instanceof Map<?, ?> && replacement instanceof Map<?, ?>
                        ? merge(Template.map(old), Template.map(replacement))
                        : replacement));
        return merged;
    }

    static Map<String, String> envFile(String path) {
        try {
            var values = new LinkedHashMap<String, String>();
            Files.readAllLines(NodeTools.PROJECT.resolve(path)).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line ->
                            values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Map<String, Object>> services() {
        var services = new LinkedHashMap<String, Map<String, Object>>();
        Template.map(body.get("services")).forEach((name, service) -> services.put(name, Template.map(service)));
        return services;
    }

    /** The services `docker compose up` starts with these variables' COMPOSE_PROFILES. */
    Map<String, Map<String, Object>> activeServices() {
        var profiles = Set.of(variables.getOrDefault("COMPOSE_PROFILES", "").split(","));
        var active = new LinkedHashMap<String, Map<String, Object>>();
        services().forEach((name, service) -> {
            var own = (List<?>) service.getOrDefault("profiles", List.of());
            if (own.isEmpty() || own.stream().anyMatch(profiles::contains)) {
                active.put(name, service);
            }
        });
        return active;
    }

    Map<String, String> environment(String service) {
        var environment = new LinkedHashMap<String, String>();
        Template.map(services().get(service).get("environment"))
                .forEach((name, value) -> environment.put(name, interpolate(String.valueOf(value))));
        return environment;
    }

    String interpolate(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        var result = new StringBuilder();
        while (matcher.find()) {
            String value;
            if (matcher.group().equals("$$")) {
                value = "$";
            } else {
                var set = variables.get(matcher.group(1));
                value = set != null && !set.isEmpty() ? set : (matcher.group(2) == null ? "" : matcher.group(2));
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
