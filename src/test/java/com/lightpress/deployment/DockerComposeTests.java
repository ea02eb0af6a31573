package com.lightpress.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.platform.modules.ModuleActivation;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docker-compose.yml, in both of its modes: plain `docker compose up` (one Lightpress with every
 * module) and `docker compose --env-file docker/split.env up` (notifications on its own).
 */
class DockerComposeTests {

    private static final String IMAGE = "lightpress:local";

    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of("one service", Map.of()), Arguments.of("split", ComposeFile.envFile("docker/split.env")));
    }

    /** dclint validates against the Compose schema and its rules; ordering rules are off (dclint.json). */
    @Test
    void passesDclint() {
        var result = NodeTools.run(
                "dclint/bin/dclint.cjs",
                "docker-compose.yml",
                "-c",
                "src/test/deployment/dclint.json",
                "--max-warnings",
                "0",
                "--no-color");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void pinsEveryImageItDoesNotBuildToAVersion() {
        ComposeFile.load(Map.of()).services().forEach((name, service) -> {
            if (!service.containsKey("build")) {
                assertThat(String.valueOf(service.get("image"))).as(name).matches("[a-z0-9./-]+:v?\\d+\\.\\d+[\\w.-]*");
            }
        });
    }

    @Test
    void checksTheHealthOfEveryServiceAndStartsNoneBeforeWhatItNeedsIsHealthy() {
        var services = ComposeFile.load(Map.of()).services();
        services.forEach((name, service) -> {
            assertThat(ServiceStack.asList(
                            Template.map(service.get("healthcheck")).get("test")))
                    .as(name)
                    .isNotEmpty()
                    .doesNotContain("NONE");
            Template.map(service.get("depends_on")).forEach((dependency, how) -> {
                assertThat(services).as(name).containsKey(dependency);
                assertThat(Template.map(how))
                        .as(name + " on " + dependency)
                        .containsEntry("condition", "service_healthy");
            });
        });
        assertThat(Template.map(services.get("lightpress").get("depends_on")))
                .containsOnlyKeys("postgres", "localstack", "mailpit", "stripe-mock");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void givesEveryLightpressServiceEverySettingAndEachModuleExactlyOneHome(
            String mode, Map<String, String> variables) {
        var compose = ComposeFile.load(variables);
        var homes = new ArrayList<String>();
        var schemas = new TreeSet<String>();
        var lightpress = compose.activeServices().entrySet().stream()
                .filter(service -> IMAGE.equals(service.getValue().get("image")))
                .map(Map.Entry::getKey)
                .toList();
        for (var service : lightpress) {
            var environment = compose.environment(service);
            var local = RequiredSettings.modules(environment.get("LIGHTPRESS_MODULES_LOCAL"));
            homes.addAll(local);
            schemas.add(environment.get("LIGHTPRESS_PLATFORM_SCHEMA"));

            assertThat(environment)
                    .as(service)
                    .containsKeys(RequiredSettings.forModules(local).toArray(String[]::new));
            assertThat(environment).as(service).containsKeys(RequiredSettings.LOCAL_STAND_INS.toArray(String[]::new));
            assertThat(environment.values()).as(service).doesNotContain("");
            for (var remote : ModuleActivation.MODULES) {
                if (!local.contains(remote)) {
                    var url = environment.get(RequiredSettings.remoteUrl(remote));
                    var host = url.replaceFirst("^http://([^:/]+):8080$", "$1");
                    assertThat(lightpress).as(url).contains(host);
                    assertThat(compose.environment(host).get("LIGHTPRESS_MODULES_LOCAL"))
                            .contains(remote);
                }
            }
        }

        assertThat(homes).containsExactlyInAnyOrderElementsOf(ModuleActivation.MODULES);
        assertThat(schemas).hasSameSizeAs(lightpress);
    }

    @Test
    void splitEnvFileRunsNotificationsAsItsOwnServiceBehindAGateway() {
        var split = ComposeFile.load(ComposeFile.envFile("docker/split.env"));
        var single = ComposeFile.load(Map.of());

        assertThat(single.activeServices()).doesNotContainKeys("notifications", "gateway");
        assertThat(single.environment("lightpress"))
                .containsEntry("LIGHTPRESS_MODULES_LOCAL", "users,auth,billing,notifications");
        assertThat(split.activeServices()).containsKeys("notifications", "gateway");
        assertThat(split.environment("lightpress")).containsEntry("LIGHTPRESS_MODULES_LOCAL", "users,auth,billing");
        assertThat(split.environment("notifications"))
                .containsEntry("LIGHTPRESS_MODULES_LOCAL", "notifications")
                .containsEntry("LIGHTPRESS_PLATFORM_SCHEMA", "lightpress_notifications")
                .containsEntry("LIGHTPRESS_PLATFORM_PUBLIC_URL", "http://localhost:8000");
    }

    @Test
    void needsNoAwsAccountAndNoSecretFromOutside() {
        var compose = ComposeFile.load(Map.of());
        var environment = compose.environment("lightpress");
        var localstack = compose.services().get("localstack");

        assertThat(environment.get("AWS_ACCESS_KEY_ID")).doesNotMatch("(AKIA|ASIA).*");
        assertThat(environment)
                .containsEntry("SPRING_CLOUD_AWS_SQS_ENDPOINT", "http://localstack:4566")
                .containsEntry("LIGHTPRESS_BILLING_STRIPE_API_BASE", "http://stripe-mock:12111")
                .containsEntry("SPRING_MAIL_HOST", "mailpit")
                .containsEntry("LIGHTPRESS_PLATFORM_SQS_CREATE_QUEUES", "false");
        assertThat(Base64.getDecoder().decode(environment.get("LIGHTPRESS_AUTH_KEY_ENCRYPTION_KEY")))
                .hasSize(32);
        // LocalStack releases after 4.14.0 refuse to start without an account token.
        assertThat(String.valueOf(localstack.get("image"))).startsWith("localstack/localstack:4.");
        assertThat(Template.map(localstack.get("environment"))).containsEntry("SERVICES", "sqs");
    }

    @Test
    void publishesPortsOnLoopbackOnly() {
        ComposeFile.load(Map.of())
                .services()
                .forEach((name, service) -> ServiceStack.asList(service.getOrDefault("ports", List.of()))
                        .forEach(port -> assertThat(port).as(name).startsWith("127.0.0.1:")));
    }
}
