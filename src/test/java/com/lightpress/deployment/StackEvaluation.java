package com.lightpress.deployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A template with parameter values applied, evaluated the way CloudFormation would before it
 * creates anything: parameters and conditions resolved, {@code Fn::If}, {@code Fn::Join},
 * {@code Fn::Sub} and friends computed, {@code AWS::NoValue} removed, resources whose condition is
 * false left out. What only exists once deployed (a resource's ARN, an attribute, the region)
 * becomes a readable placeholder such as {@code <Queues.Outputs.UsersQueueArn>}.
 */
final class StackEvaluation {

    private static final Object NO_VALUE = new Object();

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final Template template;
    private final Map<String, Object> parameters = new HashMap<>();
    private final Map<String, Boolean> conditions = new HashMap<>();

    StackEvaluation(Template template, Map<String, String> values) {
        this.template = template;
        template.parameters().forEach((name, parameter) -> {
            var value = values.containsKey(name) ? values.get(name) : parameter.get("Default");
            if (value == null) {
                throw new AssertionError(template.name() + " needs a value for parameter " + name);
            }
            var type = String.valueOf(parameter.get("Type"));
            var isList = type.startsWith("List<") || type.equals("CommaDelimitedList");
            parameters.put(name, isList ? List.of(String.valueOf(value).split(",", -1)) : String.valueOf(value));
        });
        values.keySet().stream()
                .filter(name -> !template.parameters().containsKey(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new AssertionError(template.name() + " declares no parameter " + name);
                });
    }

    /** A parameter's value as this stack is given it. */
    Object parameter(String name) {
        return parameters.get(name);
    }

    Template template() {
        return template;
    }

    boolean condition(String name) {
        var known = conditions.get(name);
        if (known == null) {
            // not computeIfAbsent: a condition may refer to others, which would change the map
            known = (Boolean) evaluate(template.conditions().get(name));
            conditions.put(name, known);
        }
        return known;
    }

    boolean exists(String resource) {
        return !(template.resource(resource).get("Condition") instanceof String condition) || condition(condition);
    }

    /** The evaluated properties of a resource that exists with these parameters. */
    Map<String, Object> properties(String resource) {
        if (!exists(resource)) {
            throw new AssertionError(resource + " does not exist with these parameters");
        }
        return Template.map(evaluate(template.resource(resource).get("Properties")));
    }

    /** The evaluation of a nested stack's template with the parameters this stack passes it. */
    StackEvaluation nested(String resource) {
        var values = new LinkedHashMap<String, String>();
        Template.map(properties(resource).get("Parameters")).forEach((name, value) -> values.put(name, text(value)));
        return new StackEvaluation(template.nested(resource), values);
    }

    Object evaluate(Object node) {
        if (node instanceof List<?> list) {
            var result = new ArrayList<>();
            list.stream().map(this::evaluate).filter(item -> item != NO_VALUE).forEach(result::add);
            return result;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        if (Intrinsics.isIntrinsic(map)) {
            var entry = map.entrySet().iterator().next();
            return function(String.valueOf(entry.getKey()), entry.getValue());
        }
        var result = new LinkedHashMap<String, Object>();
        map.forEach((key, value) -> {
            var evaluated = evaluate(value);
            if (evaluated != NO_VALUE) {
                result.put(String.valueOf(key), evaluated);
            }
        });
        return result;
    }

    private Object function(String name, Object argument) {
        var args = argument instanceof List<?> list ? list : List.of(argument);
        return switch (name) {
            case "Ref" -> ref(String.valueOf(argument));
            case "Condition" -> condition(String.valueOf(argument));
            case "Fn::GetAtt" -> "<" + args.get(0) + "." + args.get(1) + ">";
            case "Fn::If" -> condition(String.valueOf(args.get(0))) ? evaluate(args.get(1)) : evaluate(args.get(2));
            case "Fn::Equals" -> text(evaluate(args.get(0))).equals(text(evaluate(args.get(1))));
            case "Fn::Not" -> !(Boolean) evaluate(args.get(0));
            case "Fn::And" -> args.stream().allMatch(it -> (Boolean) evaluate(it));
            case "Fn::Or" -> args.stream().anyMatch(it -> (Boolean) evaluate(it));
            case "Fn::Join" ->
                ((List<?>) evaluate(args.get(1)))
                        .stream().map(StackEvaluation::text).collect(Collectors.joining(String.valueOf(args.get(0))));
            case "Fn::Split" -> Arrays.asList(text(evaluate(args.get(1))).split(Pattern.quote(text(args.get(0))), -1));
            case "Fn::Select" -> ((List<?>) evaluate(args.get(1))).get(Integer.parseInt(text(evaluate(args.get(0)))));
            case "Fn::Sub" -> sub(text(args.get(0)), args.size() > 1 ? Template.map(args.get(1)) : Map.of());
            case "Fn::FindInMap" ->
                Template.map(Template.map(template.mappings().get(text(args.get(0))))
                                .get(text(evaluate(args.get(1)))))
                        .get(text(evaluate(args.get(2))));
            default -> "<" + name + ">";
        };
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        return "<" + name + ">";
    }

    private String sub(String text, Map<String, Object> variables) {
        var matcher = SUB_VARIABLE.matcher(text);
        var result = new StringBuilder();
        while (matcher.find()) {
            var variable = matcher.group(1);
            Object value;
            if (variables.containsKey(variable)) {
                value = evaluate(variables.get(variable));
            } else if (variable.contains(".") && !template.parameters().containsKey(variable)) {
                value = "<" + variable + ">";
            } else {
                value = ref(variable);
            }
            matcher.appendReplacement(result, java.util.regex.Matcher.quoteReplacement(text(value)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** A value as CloudFormation passes it on as a string: lists joined with commas. */
    static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(StackEvaluation::text).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }
}
