package com.lightpress.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a value against a parameter's declaration, as CloudFormation does before it starts. */
final class ParameterValues {

    private static final Map<String, String> AWS_ID_PATTERNS = Map.of(
            "AWS::EC2::VPC::Id", "vpc-[0-9a-f]{8,17}",
            "AWS::EC2::Subnet::Id", "subnet-[0-9a-f]{8,17}",
            "AWS::EC2::SecurityGroup::Id", "sg-[0-9a-f]{8,17}");

    private ParameterValues() {}

    static List<String> check(String name, Map<String, Object> parameter, String value) {
        var problems = new ArrayList<String>();
        var type = String.valueOf(parameter.get("Type"));
        var isList = type.startsWith("List<") || type.equals("CommaDelimitedList");
        var itemType = type.startsWith("List<") ? type.substring(5, type.length() - 1) : type;
        var items = isList ? List.of(value.split(",", -1)) : List.of(value);
        for (var item : items) {
            if (AWS_ID_PATTERNS.containsKey(itemType) && !item.matches(AWS_ID_PATTERNS.get(itemType))) {
                problems.add(name + ": " + item + " is no " + itemType);
            }
            if (itemType.equals("Number")) {
                problems.addAll(number(name, parameter, item));
            }
            if (parameter.get("AllowedValues") instanceof List<?> allowed
                    && allowed.stream().map(String::valueOf).noneMatch(item::equals)) {
                problems.add(name + ": " + item + " is not one of " + allowed);
            }
            if (parameter.get("AllowedPattern") instanceof String pattern && !item.matches(pattern)) {
                problems.add(name + ": " + item + " does not match " + pattern);
            }
        }
        return problems;
    }

    private static List<String> number(String name, Map<String, Object> parameter, String value) {
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return List.of(name + ": " + value + " is no number");
        }
        var problems = new ArrayList<String>();
        if (parameter.get("MinValue") instanceof Number min && number < min.doubleValue()) {
            problems.add(name + ": " + value + " is below " + min);
        }
        if (parameter.get("MaxValue") instanceof Number max && number > max.doubleValue()) {
            problems.add(name + ": " + value + " is above " + max);
        }
        return problems;
    }
}
