package com.lightpress.deployment;

import com.lightpress.platform.modules.ModuleActivation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one list of each module's public paths: the {@code ModulePaths} mapping of
 * cloudformation/lightpress.yaml, in the listener rules it makes (at most five patterns each).
 * Patterns are ALB path patterns that are exact or end in one {@code *}.
 */
final class ModulePaths {

    private ModulePaths() {}

    /** Each module's rules, in module order; each rule is its list of patterns. */
    static Map<String, List<List<String>>> rules() {
        var mapping =
                Template.map(Template.load(LightpressStacks.ROOT).mappings().get("ModulePaths"));
        var rules = new LinkedHashMap<String, List<List<String>>>();
        for (var module : ModuleActivation.MODULES) {
            var entry = Template.map(mapping.get(module));
            var moduleRules = new ArrayList<List<String>>();
            for (var rule : List.of("Rule1", "Rule2")) {
                if (entry.get(rule) instanceof List<?> patterns) {
                    moduleRules.add(patterns.stream().map(String::valueOf).toList());
                }
            }
            rules.put(module, moduleRules);
        }
        return rules;
    }

    /** Every pattern of a module. */
    static List<String> of(String module) {
        return rules().get(module).stream().flatMap(List::stream).toList();
    }

    /** Whether a request path matches an ALB path pattern ({@code *} is any text). */
    static boolean matches(String pattern, String path) {
        var regex = Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return path.matches(regex);
    }

    /** The modules whose patterns match a path. */
    static List<String> modulesMatching(String path) {
        return rules().keySet().stream()
                .filter(module -> of(module).stream().anyMatch(pattern -> matches(pattern, path)))
                .toList();
    }
}
