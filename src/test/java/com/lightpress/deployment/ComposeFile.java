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
 * file such as docker/split.env): YAML merge keys applied, {@code ${VAR:-default}} interpolated,
 * and only the services whose profiles are active.
 */
record ComposeFile(Map<String, Object> body, Map<String, String> variables) {

    static final Path FILE = NodeTools.PROJECT.resolve("docker-compose.yml");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}|\\$\\$");

    @SuppressWarnings("unchecked")
    static ComposeFile load(Map<String, String> variables) {
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            var body = (Map<String, Object>) new Yaml(new SafeConstructor(options)).load(Files.readString(FILE));
            return new ComposeFile(body, variables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
