package com.lightpress.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that every reference in a template resolves, as CloudFormation would when it validates a
 * template: {@code Ref}, {@code Fn::GetAtt} (attribute names from the resource specification,
 * outputs of nested stacks from their templates), the variables of {@code Fn::Sub}, conditions,
 * mappings and {@code DependsOn}. A resource that has a condition may only be referenced where
 * that condition is known to hold, or the stack fails whenever the condition is false.
 */
final class TemplateReferences {

    static final Set<String> PSEUDO_PARAMETERS = Set.of(
            "AWS::AccountId",
            "AWS::NotificationARNs",
            "AWS::NoValue",
            "AWS::Partition",
            "AWS::Region",
            "AWS::StackId",
            "AWS::StackName",
            "AWS::URLSuffix");

    private static final Set<String> FUNCTIONS = Set.of(
            "Fn::Sub",
            "Fn::GetAtt",
            "Fn::If",
            "Fn::Join",
            "Fn::Select",
            "Fn::Split",
            "Fn::FindInMap",
            "Fn::ImportValue",
            "Fn::Equals",
            "Fn::Not",
            "Fn::And",
            "Fn::Or",
            "Fn::Base64",
            "Fn::Cidr",
            "Fn::GetAZs");

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final Template template;
    private final ResourceSpecification specification;
    private final List<String> problems = new ArrayList<>();

    private TemplateReferences(Template template, ResourceSpecification specification) {
        this.template = template;
        this.specification = specification;
    }

    static List<String> check(Template template, ResourceSpecification specification) {
        var references = new TemplateReferences(template, specification);
        references.checkAll();
        return references.problems;
    }

    private void checkAll() {
        template.conditions().forEach((name, body) -> walk("Conditions." + name, body, Set.of(), true));
        template.resources().forEach((name, resource) -> {
            var guards = guardsOf(resource);
            checkCondition("Resources." + name, resource.get("Condition"));
            dependsOn(resource.get("DependsOn")).forEach(target -> checkResource("Resources." + name, target, guards));
            walk("Resources." + name, resource.get("Properties"), guards, false);
        });
        template.outputs().forEach((name, output) -> {
            checkCondition("Outputs." + name, output.get("Condition"));
            walk("Outputs." + name, output.get("Value"), guardsOf(output), false);
        });
    }

    private void walk(String where, Object node, Set<String> guards, boolean inConditions) {
        if (node instanceof List<?> list) {
            list.forEach(item -> walk(where, item, guards, inConditions));
        } else if (node instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("Ref")) {
                ref(where, String.valueOf(map.get("Ref")), guards, inConditions);
            } else if (map.size() == 1 && map.containsKey("Condition") && map.get("Condition") instanceof String name) {
                checkCondition(where, name);
            } else if (map.size() == 1
                    && map.keySet().iterator().next() instanceof String key
                    && key.startsWith("Fn::")) {
                function(where, key, map.get(key), guards, inConditions);
            } else {
                map.values().forEach(value -> walk(where, value, guards, inConditions));
            }
        }
    }

    private void function(String where, String name, Object argument, Set<String> guards, boolean inConditions) {
        if (!FUNCTIONS.contains(name)) {
            problems.add(where + ": unknown function " + name);
            return;
        }
        var arguments = argument instanceof List<?> list ? list : List.of(argument);
        switch (name) {
            case "Fn::GetAtt" -> getAtt(where, arguments, guards);
            case "Fn::Sub" -> sub(where, arguments, guards, inConditions);
            case "Fn::If" -> {
                if (arguments.size() != 3 || !(arguments.get(0) instanceof String condition)) {
                    problems.add(where + ": Fn::If needs a condition name and two values");
                    return;
                }
                checkCondition(where, condition);
                var thenGuards = new HashSet<>(guards);
                thenGuards.add(condition);
                walk(where, arguments.get(1), thenGuards, inConditions);
                walk(where, arguments.get(2), guards, inConditions);
            }
            case "Fn::FindInMap" -> {
                if (arguments.get(0) instanceof String mapping
                        && !template.mappings().containsKey(mapping)) {
                    problems.add(where + ": unknown mapping " + mapping);
                }
                walk(where, arguments, guards, inConditions);
            }
            default -> walk(where, argument, guards, inConditions);
        }
    }

    private void ref(String where, String target, Set<String> guards, boolean inConditions) {
        if (PSEUDO_PARAMETERS.contains(target) || template.parameters().containsKey(target)) {
            return;
        }
        if (inConditions) {
            problems.add(where + ": conditions may only refer to parameters, not " + target);
        } else {
            checkResource(where, target, guards);
        }
    }

    private void getAtt(String where, List<?> arguments, Set<String> guards) {
        if (arguments.size() != 2) {
            problems.add(where + ": Fn::GetAtt needs a resource and an attribute, got " + arguments);
            return;
        }
        var resource = String.valueOf(arguments.get(0));
        var attribute = String.valueOf(arguments.get(1));
        if (!checkResource(where, resource, guards)) {
            return;
        }
        var type = template.type(resource);
        if (type.equals("AWS::CloudFormation::Stack")) {
            var output = attribute.startsWith("Outputs.") ? attribute.substring("Outputs.".length()) : "";
            if (!template.nested(resource).outputs().containsKey(output)) {
                problems.add(where + ": " + template.nested(resource).name() + " has no output for " + attribute);
            }
        } else if (!specification.attributes(type).contains(attribute)) {
            problems.add(where + ": " + type + " has no attribute " + attribute);
        }
    }

    private void sub(String where, List<?> arguments, Set<String> guards, boolean inConditions) {
        var text = String.valueOf(arguments.get(0));
        var variables = arguments.size() > 1 ? Template.map(arguments.get(1)) : Map.<String, Object>of();
        walk(where, variables, guards, inConditions);
        var matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            var variable = matcher.group(1);
            if (variables.containsKey(variable)) {
                continue;
            }
            var dot = variable.indexOf('.');
            if (dot < 0) {
                ref(where, variable, guards, inConditions);
            } else {
                getAtt(where, List.of(variable.substring(0, dot), variable.substring(dot + 1)), guards);
            }
        }
    }

    private boolean checkResource(String where, String target, Set<String> guards) {
        var resource = template.resources().get(target);
        if (resource == null) {
            problems.add(where + ": " + target + " is no parameter, resource or pseudo parameter");
            return false;
        }
        if (resource.get("Condition") instanceof String condition && !guards.contains(condition)) {
            problems.add(where + ": " + target + " exists only when " + condition
                    + " holds, but is referenced where it may not");
        }
        return true;
    }

    private void checkCondition(String where, Object condition) {
        if (condition != null && !template.conditions().containsKey(String.valueOf(condition))) {
            problems.add(where + ": unknown condition " + condition);
        }
    }

    private static Set<String> guardsOf(Map<String, Object> resourceOrOutput) {
        return resourceOrOutput.get("Condition") instanceof String condition ? Set.of(condition) : Set.of();
    }

    private static List<String> dependsOn(Object dependsOn) {
        if (dependsOn == null) {
            return List.of();
        }
        return dependsOn instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(dependsOn));
    }
}
