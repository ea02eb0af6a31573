package com.lightpress.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.platform.modules.ModuleActivation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ECS services as each environment deploys them, evaluated from the templates and parameter
 * files: as one service with every module, with each module split off alone, with two split off,
 * and with all four.
 */
class CloudFormationServicesTests {

    static final List<String> LAYOUTS = List.of(
            "",
            "users",
            "auth",
            "billing",
            "notifications",
            "billing,notifications",
            String.join(",", ModuleActivation.MODULES));

    static final Set<String> READ = new TreeSet<>(List.of(
            "sqs:ReceiveMessage",
            "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility",
            "sqs:GetQueueUrl",
            "sqs:GetQueueAttributes"));
    static final Set<String> SEND = new TreeSet<>(List.of("sqs:SendMessage", "sqs:GetQueueUrl"));
    /** Its own dead-letter queues: sending what it cannot process, reading their retention at start. */
    static final Set<String> OWN_DEAD_LETTERS =
            new TreeSet<>(List.of("sqs:SendMessage", "sqs:GetQueueUrl", "sqs:GetQueueAttributes"));
    /** The admin API of the catch-all service: counting every queue, redriving into it from its dead letters. */
    static final Set<String> OPERATE_QUEUE =
            new TreeSet<>(List.of("sqs:GetQueueUrl", "sqs:GetQueueAttributes", "sqs:SendMessage"));

    static final Set<String> OPERATE_DEAD_LETTERS = new TreeSet<>(
            List.of("sqs:GetQueueUrl", "sqs:GetQueueAttributes", "sqs:ReceiveMessage", "sqs:DeleteMessage"));

    static Stream<Arguments> deployments() {
        return LightpressStacks.ENVIRONMENTS.stream()
                .flatMap(environment -> LAYOUTS.stream().map(layout -> Arguments.of(environment, layout)));
    }

    @ParameterizedTest(name = "{0}, split off: [{1}]")
    @MethodSource("deployments")
    void givesEveryServiceTheSettingsAndOnlyTheSecretsItsModulesNeed(String environment, String layout) {
        for (var service : services(environment, layout)) {
            var settings = new TreeSet<>(service.environment().keySet());
            settings.addAll(service.secrets().keySet());
            var allowedSecrets = new TreeSet<>(RequiredSettings.forModules(service.localModules()));
            if (service.localModules().contains("notifications")) {
                allowedSecrets.addAll(List.of("SPRING_MAIL_USERNAME", "SPRING_MAIL_PASSWORD"));
            }

            assertThat(settings).as(service.name()).containsAll(RequiredSettings.forModules(service.localModules()));
            assertThat(allowedSecrets)
                    .as(service.name())
                    .containsAll(service.secrets().keySet());
            assertThat(service.environment())
                    .as(service.name())
                    .doesNotContainKeys(RequiredSettings.SECRETS.toArray(String[]::new));
            assertThat(service.environment()).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
            assertThat(service.environment().get("SPRING_DATASOURCE_URL")).endsWith("?sslmode=require");
        }
    }

    @ParameterizedTest(name = "{0}, split off: [{1}]")
    @MethodSource("deployments")
    void runsEveryModuleOnceWithItsOwnSchemaPerServiceAndFindsRemoteModulesInCloudMap(
            String environment, String layout) {
        var services = services(environment, layout);
        var namespace = LightpressStacks.parameters(environment).get("NamespaceName");
        var modules = new ArrayList<String>();
        var schemas = new TreeSet<String>();
        services.forEach(service -> {
            modules.addAll(service.localModules());
            schemas.add(service.environment().get("LIGHTPRESS_PLATFORM_SCHEMA"));
        });

        assertThat(modules).containsExactlyInAnyOrderElementsOf(ModuleActivation.MODULES);
        assertThat(schemas).hasSize(services.size());
        for (var service : services) {
            if (!service.name().equals("MainService")) {
                assertThat(service.localModules()).containsExactly(cloudMapName(service));
            }
            for (var remote : ModuleActivation.MODULES) {
                if (service.localModules().contains(remote)) {
                    continue;
                }
                var owner = services.stream()
                        .filter(it -> it.localModules().contains(remote))
                        .findFirst()
                        .orElseThrow();
                assertThat(service.environment())
                        .containsEntry(
                                RequiredSettings.remoteUrl(remote),
                                "http://" + cloudMapName(owner) + "." + namespace + ":8080");
            }
        }
    }

    /**
     * What the application does with SQS, and nothing more: it reads, deletes and changes the
     * visibility of messages on the queues of its local modules that listen to others (and, while
     * it drains one, asks how many messages it holds), sends what it cannot read to their
     * dead-letter queues (whose retention it reads at start), and sends to the queues of remote
     * modules that listen to its local ones. Every queue is found by name first. The service of the
     * catch-all rule (main, or users when all four are split) answers the queues' admin API too.
     */
    @ParameterizedTest(name = "{0}, split off: [{1}]")
    @MethodSource("deployments")
    void letsEachTaskReadItsListeningModulesQueuesAndSendOnlyWhereItsEventsAreHeard(String environment, String layout) {
        var prefix = LightpressStacks.parameters(environment).get("QueuePrefix");
        for (var service : services(environment, layout)) {
            var local = service.localModules();
            var expected = new TreeMap<String, Set<String>>();
            ModuleActivation.MODULES.forEach(module -> {
                if (local.contains(module) && ModuleEvents.listens(module)) {
                    expected.put(queueArn(prefix, module), new TreeSet<>(READ));
                    expected.put(queueArn(prefix, module + "-dlq"), new TreeSet<>(OWN_DEAD_LETTERS));
                } else if (!local.contains(module)
                        && ModuleEvents.publishersListenedTo().get(module).stream()
                                .anyMatch(local::contains)) {
                    expected.put(queueArn(prefix, module), new TreeSet<>(SEND));
                }
            });

            if (service.takesTheRest()) {
                ModuleActivation.MODULES.forEach(module -> {
                    expected.computeIfAbsent(queueArn(prefix, module), it -> new TreeSet<>())
                            .addAll(OPERATE_QUEUE);
                    expected.computeIfAbsent(queueArn(prefix, module + "-dlq"), it -> new TreeSet<>())
                            .addAll(OPERATE_DEAD_LETTERS);
                });
            }
            assertThat(service.actionsByResource("TaskRole", "sqs:"))
                    .as(service.name())
                    .isEqualTo(expected);
            assertThat(service.actions("TaskRole"))
                    .as("%s: the task role reaches nothing but SQS and its metrics", service.name())
                    .allMatch(action -> action.startsWith("sqs:") || action.equals("cloudwatch:PutMetricData"));
        }
    }

    @ParameterizedTest(name = "{0}, split off: [{1}]")
    @MethodSource("deployments")
    void letsEcsReadExactlyTheSecretsItInjects(String environment, String layout) {
        for (var service : services(environment, layout)) {
            var injected = new TreeSet<String>();
            service.secrets().values().forEach(valueFrom -> injected.add(valueFrom.replaceFirst(":[A-Za-z]+::$", "")));

            assertThat(service.resourcesAllowing("ExecutionRole", "secretsmanager:GetSecretValue"))
                    .isEqualTo(injected);
        }
    }

    @ParameterizedTest(name = "{0}, split off: [{1}]")
    @MethodSource("deployments")
    void routesEachModulesPathsToItsServiceInRulesOfAtMostFiveValuesAndTheRestToOneCatchAll(
            String environment, String layout) {
        var priorities = new HashSet<Object>();
        var catchAll = new ArrayList<String>();
        for (var service : services(environment, layout)) {
            var routed = new ArrayList<String>();
            for (var rule : List.of("ListenerRule", "MoreListenerRule")) {
                if (!service.stack().exists(rule)) {
                    continue;
                }
                var properties = service.stack().properties(rule);
                var values = service.pathPatterns(rule);
                assertThat(values).as(service.name() + " " + rule).hasSizeBetween(1, 5);
                assertThat(priorities.add(properties.get("Priority")))
                        .as("priority %s of %s is unique", properties.get("Priority"), rule)
                        .isTrue();
                if (values.contains("/*")) {
                    assertThat(values).containsExactly("/*");
                    assertThat(properties).containsEntry("Priority", "50000");
                    catchAll.add(service.name());
                } else {
                    routed.addAll(values);
                }
            }
            var expected = service.name().equals("MainService")
                    ? List.<String>of()
                    : service.localModules().stream()
                            .flatMap(module -> ModulePaths.of(module).stream())
                            .toList();
            assertThat(routed).as(service.name()).containsExactlyInAnyOrderElementsOf(expected);
        }

        assertThat(catchAll)
                .containsExactly(
                        layout.split(",").length == ModuleActivation.MODULES.size() ? "UsersService" : "MainService");
    }

    @ParameterizedTest(name = "{0}, split off: [{1}]")
    @MethodSource("deployments")
    void checksReadinessInTheContainerAndAtTheLoadBalancer(String environment, String layout) {
        for (var service : services(environment, layout)) {
            var container = service.container();
            var healthCheck = ServiceStack.asList(
                    Template.map(container.get("HealthCheck")).get("Command"));
            var logging = Template.map(container.get("LogConfiguration"));

            assertThat(String.join(" ", healthCheck)).contains("http://127.0.0.1:8080/actuator/health/readiness");
            assertThat(logging).containsEntry("LogDriver", "awslogs");
            assertThat(Template.map(logging.get("Options"))).containsEntry("awslogs-group", "<LogGroup>");
            assertThat(service.stack().properties("TargetGroup"))
                    .containsEntry("HealthCheckPath", "/actuator/health/readiness")
                    .containsEntry("Port", 8080)
                    .containsEntry("TargetType", "ip");
            assertThat(String.valueOf(service.stack().properties("TargetGroup").get("TargetGroupAttributes")))
                    .as("no sticky sessions")
                    .contains("Key=stickiness.enabled, Value=false");
        }
    }

    @ParameterizedTest(name = "{0}, split off: [{1}]")
    @MethodSource("deployments")
    void rollsBackFailedDeploymentsAndScalesOnCpuAndMemory(String environment, String layout) {
        for (var service : services(environment, layout)) {
            var ecsService = service.stack().properties("Service");
            var deployment = Template.map(ecsService.get("DeploymentConfiguration"));
            var metrics = new TreeSet<String>();
            for (var policy : List.of("CpuScaling", "MemoryScaling")) {
                var properties = service.stack().properties(policy);
                assertThat(properties).containsEntry("PolicyType", "TargetTrackingScaling");
                var tracking = Template.map(properties.get("TargetTrackingScalingPolicyConfiguration"));
                metrics.add(String.valueOf(Template.map(tracking.get("PredefinedMetricSpecification"))
                        .get("PredefinedMetricType")));
            }

            assertThat(Template.map(deployment.get("DeploymentCircuitBreaker")))
                    .containsEntry("Enable", true)
                    .containsEntry("Rollback", true);
            assertThat(deployment).containsEntry("MinimumHealthyPercent", 100);
            assertThat(Template.map(ecsService.get("DeploymentController"))).containsEntry("Type", "ECS");
            assertThat(metrics)
                    .containsExactly("ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization");
        }
    }

    static String queueArn(String prefix, String queue) {
        return "arn:<AWS::Partition>:sqs:<AWS::Region>:<AWS::AccountId>:" + prefix + queue;
    }

    private static String cloudMapName(ServiceStack service) {
        return StackEvaluation.text(
                service.stack().properties("DiscoveryService").get("Name"));
    }

    /** The services of an environment with the given modules split off. */
    static List<ServiceStack> services(String environment, String splitModules) {
        var root = LightpressStacks.root(environment, Map.of("SplitModules", splitModules));
        return Stream.of("MainService", "UsersService", "AuthService", "BillingService", "NotificationsService")
                .filter(root::exists)
                .map(resource -> ServiceStack.of(root, resource))
                .toList();
    }
}
