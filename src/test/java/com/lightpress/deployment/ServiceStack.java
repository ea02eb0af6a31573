package com.lightpress.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** One evaluated service.yaml stack, read the way the tests ask about it. */
record ServiceStack(String name, StackEvaluation stack) {

    static ServiceStack of(StackEvaluation root, String resource) {
        return new ServiceStack(resource, root.nested(resource));
    }

    Map<String, Object> container() {
        var definitions = (List<?>) stack.properties("TaskDefinition").get("ContainerDefinitions");
        return Template.map(definitions.get(0));
    }

    Map<String, String> environment() {
        return pairs("Environment", "Value");
    }

    /** Secret settings by name, each with the ARN (and JSON key) it is read from. */
    Map<String, String> secrets() {
        return pairs("Secrets", "ValueFrom");
    }

    /** The paths of one of the service's listener rules ("ListenerRule", "MoreListenerRule"). */
    List<String> pathPatterns(String rule) {
        var condition = Template.map(((List<?>) stack.properties(rule).get("Conditions")).get(0));
        return asList(Template.map(condition.get("PathPatternConfig")).get("Values"));
    }

    /** Whether the load balancer sends this service whatever no module claims (the rule of /*). */
    boolean takesTheRest() {
        return Stream.of("ListenerRule", "MoreListenerRule")
                .filter(stack::exists)
                .anyMatch(rule -> pathPatterns(rule).contains("/*"));
    }

    List<String> localModules() {
        return RequiredSettings.modules(environment().get("LIGHTPRESS_MODULES_LOCAL"));
    }

    /** Resources of the statements in a role's inline policy that allow the given action. */
    Set<String> resourcesAllowing(String role, String action) {
        var resources = new TreeSet<String>();
        policies(role)
                .forEach(policy -> statements(policy).forEach(statement -> {
                    if (asList(statement.get("Action")).contains(action)) {
                        resources.addAll(asList(statement.get("Resource")));
                    }
                }));
        return resources;
    }

    /** The conditions of the statements in a role's inline policy that allow the given action. */
    List<Object> conditionsAllowing(String role, String action) {
        var conditions = new ArrayList<Object>();
        policies(role)
                .forEach(policy -> statements(policy).forEach(statement -> {
                    if (asList(statement.get("Action")).contains(action)) {
                        conditions.add(statement.get("Condition"));
                    }
                }));
        return conditions;
    }

    /** Every action a role's inline policies allow. */
    Set<String> actions(String role) {
        var actions = new TreeSet<String>();
        policies(role)
                .forEach(policy ->
                        statements(policy).forEach(statement -> actions.addAll(asList(statement.get("Action")))));
        return actions;
    }

    /**
     * For each resource of a role's inline policies, every action of the given service (prefix,
     * e.g. {@code sqs:}) they allow on it.
     */
    Map<String, Set<String>> actionsByResource(String role, String service) {
        var allowed = new TreeMap<String, Set<String>>();
        policies(role)
                .forEach(policy -> statements(policy).forEach(statement -> {
                    var actions = asList(statement.get("Action")).stream()
                            .filter(action -> action.startsWith(service))
                            .toList();
                    if (!actions.isEmpty()) {
                        asList(statement.get("Resource"))
                                .forEach(resource -> allowed.computeIfAbsent(resource, it -> new TreeSet<>())
                                        .addAll(actions));
                    }
                }));
        return allowed;
    }

    private List<Map<String, Object>> policies(String role) {
        return ((List<?>) stack.properties(role).getOrDefault("Policies", List.of()))
                .stream().map(Template::map).toList();
    }

    private static List<Map<String, Object>> statements(Map<String, Object> policy) {
        return ((List<?>) Template.map(policy.get("PolicyDocument")).get("Statement"))
                .stream().map(Template::map).toList();
    }

    private Map<String, String> pairs(String list, String valueKey) {
        var pairs = new LinkedHashMap<String, String>();
        ((List<?>) container().getOrDefault(list, List.of()))
                .stream().map(Template::map).forEach(pair -> {
                    var previous =
                            pairs.put(String.valueOf(pair.get("Name")), StackEvaluation.text(pair.get(valueKey)));
                    if (previous != null) {
                        throw new AssertionError(name + " sets " + pair.get("Name") + " twice in " + list);
                    }
                });
        return pairs;
    }

    static List<String> asList(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(StackEvaluation::text).toList();
        }
        return List.of(StackEvaluation.text(value));
    }
}
