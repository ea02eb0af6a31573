package com.lightpress.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every template in cloudformation/ is valid as CloudFormation would judge it before creating
 * anything: it parses, its references resolve, its resources match the resource specification,
 * nested stacks get exactly the parameters their templates declare, and each environment's
 * parameter file fits the root template.
 */
class CloudFormationTemplatesTests {

    static List<Path> templates() {
        return LightpressStacks.templates();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void parsesAsATemplate(Path file) {
        var template = Template.load(file);

        assertThat(template.body()).containsEntry("AWSTemplateFormatVersion", "2010-09-09");
        assertThat(template.body().keySet())
                .isSubsetOf(
                        "AWSTemplateFormatVersion",
                        "Description",
                        "Parameters",
                        "Conditions",
                        "Mappings",
                        "Resources",
                        "Outputs",
                        "Metadata");
        assertThat(template.resources()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void resolvesEveryReference(Path file) {
        assertThat(TemplateReferences.check(Template.load(file), ResourceSpecification.load()))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void matchesTheResourceSpecification(Path file) {
        assertThat(ResourceSpecification.load().check(Template.load(file))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void describesEveryParameterAndKeepsItsDefaultValid(Path file) {
        var template = Template.load(file);
        var problems = new ArrayList<String>();
        template.parameters().forEach((name, parameter) -> {
            if (!(parameter.get("Description") instanceof String)) {
                problems.add(name + " has no description");
            }
            if (parameter.containsKey("Default")) {
                problems.addAll(ParameterValues.check(name, parameter, String.valueOf(parameter.get("Default"))));
            }
        });
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Network",
                "Cluster",
                "Database",
                "Queues",
                "Secrets",
                "MainService",
                "UsersService",
                "AuthService",
                "BillingService",
                "NotificationsService",
                "Operations"
            })
    void passesNestedStacksExactlyTheParametersTheyDeclare(String stack) {
        var root = Template.load(LightpressStacks.ROOT);
        var declared = root.nested(stack).parameters();
        var passed = Template.map(
                Template.map(root.resource(stack).get("Properties")).get("Parameters"));

        assertThat(declared).containsKeys(passed.keySet().toArray(String[]::new));
        declared.forEach((name, parameter) -> {
            if (!parameter.containsKey("Default")) {
                assertThat(passed).as("%s needs %s", stack, name).containsKey(name);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("com.lightpress.deployment.LightpressStacks#environmentNames")
    void parameterFileSetsEveryRequiredParameterWithAValidValue(String environment) {
        var parameters = Template.load(LightpressStacks.ROOT).parameters();
        var values = LightpressStacks.parameters(environment);
        var problems = new ArrayList<String>();
        values.forEach((name, value) -> {
            if (!parameters.containsKey(name)) {
                problems.add(name + " is no parameter of lightpress.yaml");
            } else {
                problems.addAll(ParameterValues.check(name, parameters.get(name), value));
            }
        });
        parameters.forEach((name, parameter) -> {
            if (!parameter.containsKey("Default") && !values.containsKey(name)) {
                problems.add(name + " has no default and no value");
            }
        });

        assertThat(problems).isEmpty();
        assertThat(values).containsEntry("EnvironmentName", environment);
    }

    @ParameterizedTest
    @MethodSource("com.lightpress.deployment.LightpressStacks#environmentNames")
    void rootStackIsBuiltOnlyFromTemplatesInThisFolder(String environment) {
        var nested = new TreeSet<String>();
        for (var split : List.of("", "users,auth,billing,notifications")) {
            var root = LightpressStacks.root(environment, Map.of("SplitModules", split));
            root.template().resources().forEach((name, resource) -> {
                if ("AWS::CloudFormation::Stack".equals(resource.get("Type")) && root.exists(name)) {
                    nested.add(root.template().nested(name).name());
                    root.nested(name);
                }
            });
        }

        assertThat(nested)
                .containsExactlyInAnyOrder(
                        "network.yaml",
                        "cluster.yaml",
                        "database.yaml",
                        "queues.yaml",
                        "secrets.yaml",
                        "service.yaml",
                        "operations.yaml");
    }
}
