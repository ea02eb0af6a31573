package com.lightpress.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.platform.modules.ModuleActivation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ECS services as each environment deploys them, evaluated from the templates and parameter
 * files, once as one service with every module and once with notifications split off.
 */
class CloudFormationServicesTests {

    /** Which modules listen to events of which others (blueprint, section 3). */
    private static final Map<String, Set<String>> LISTENS_TO = Map.of(
            "users", Set.of(),
            "auth", Set.of("users"),
            "billing", Set.of("users"),
            "notifications", Set.of("users", "auth", "billing"));

    static Stream<Arguments> deployments() {
        return LightpressStacks.ENVIRONMENTS.stream()
                .flatMap(environment -> Stream.of(Arguments.of(environment, false), Arguments.of(environment, true)));
    }

    @ParameterizedTest(name = "{0}, notifications split: {1}")
    @MethodSource("deployments")
    void givesEveryServiceTheSettingsItsModulesNeed(String environment, boolean split) {
        for (var service : services(environment, split)) {
            var settings = new TreeSet<>(service.environment().keySet());
            settings.addAll(service.secrets().keySet());

            assertThat(settings).as(service.name()).containsAll(RequiredSettings.forModules(service.localModules()));
            assertThat(service.environment())
                    .as(service.name())
                    .doesNotContainKeys(RequiredSettings.SECRETS.toArray(String[]::new));
            assertThat(service.environment()).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
            assertThat(service.environment().get("SPRING_DATASOURCE_URL")).endsWith("?sslmode=require");
        }
    }

    @ParameterizedTest(name = "{0}, notifications split: {1}")
    @MethodSource("deployments")
    void runsEveryModuleOnceWithItsOwnSchemaPerServiceAndFindsRemoteModulesInCloudMap(
            String environment, boolean split) {
        var services = services(environment, split);
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
            for (var remote : ModuleActivation.MODULES) {
                if (service.localModules().contains(remote)) {
                    continue;
                }
                var owner = services.stream()
                        .filter(it -> it.localModules().contains(remote))
                        .findFirst()
                        .orElseThrow();
                var cloudMapName = StackEvaluation.text(
                        owner.stack().properties("DiscoveryService").get("Name"));
                assertThat(service.environment())
                        .containsEntry(
                                RequiredSettings.remoteUrl(remote),
                                "http://" + cloudMapName + "." + namespace + ":8080");
            }
        }
    }

    @ParameterizedTest(name = "{0}, notifications split: {1}")
    @MethodSource("deployments")
    void letsEachTaskReachOnlyItsOwnQueuesAndTheQueuesOfModulesListeningToIt(String environment, boolean split) {
        for (var service : services(environment, split)) {
            var local = service.localModules();
            var consumed = new TreeSet<String>();
            var published = new TreeSet<String>();
            ModuleActivation.MODULES.forEach(module -> {
                if (local.contains(module)) {
                    consumed.add(queueArn(module));
                } else if (LISTENS_TO.get(module).stream().anyMatch(local::contains)) {
                    published.add(queueArn(module));
                }
            });

            assertThat(service.resourcesAllowing("TaskRole", "sqs:ReceiveMessage"))
                    .isEqualTo(consumed);
            assertThat(service.resourcesAllowing("TaskRole", "sqs:DeleteMessage"))
                    .isEqualTo(consumed);
            assertThat(service.resourcesAllowing("TaskRole", "sqs:SendMessage")).isEqualTo(published);
            assertThat(service.actions("TaskRole"))
                    .allMatch(action -> action.startsWith("sqs:") || action.equals("cloudwatch:PutMetricData"));
        }
    }

    @ParameterizedTest(name = "{0}, notifications split: {1}")
    @MethodSource("deployments")
    void letsEcsReadExactlyTheSecretsItInjects(String environment, boolean split) {
        for (var service : services(environment, split)) {
            var injected = new TreeSet<String>();
            service.secrets().values().forEach(valueFrom -> injected.add(valueFrom.replaceFirst(":[A-Za-z]+::$", "")));

            assertThat(service.resourcesAllowing("ExecutionRole", "secretsmanager:GetSecretValue"))
                    .isEqualTo(injected);
        }
    }

    @ParameterizedTest(name = "{0}, notifications split: {1}")
    @MethodSource("deployments")
    void checksReadinessInTheContainerAndAtTheLoadBalancer(String environment, boolean split) {
        for (var service : services(environment, split)) {
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

    @ParameterizedTest(name = "{0}, notifications split: {1}")
    @MethodSource("deployments")
    void rollsBackFailedDeploymentsAndScalesOnCpuAndMemory(String environment, boolean split) {
        for (var service : services(environment, split)) {
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

    static String queueArn(String module) {
        return "<Queues.Outputs." + Character.toUpperCase(module.charAt(0)) + module.substring(1) + "QueueArn>";
    }

    static List<ServiceStack> services(String environment, boolean split) {
        var root = LightpressStacks.root(environment, Map.of("SplitNotifications", String.valueOf(split)));
        return Stream.of("MainService", "NotificationsService")
                .filter(root::exists)
                .map(resource -> ServiceStack.of(root, resource))
                .toList();
    }
}
