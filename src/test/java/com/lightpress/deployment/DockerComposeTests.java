package com.lightpress.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.platform.modules.ModuleActivation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docker-compose.yml in each of its layouts: plain `docker compose up` (one Lightpress with every
 * module), the env files of docker/ (`docker compose --env-file docker/split-billing.env up`),
 * and every other set of modules split off with the variables those files set.
 */
class DockerComposeTests {

    private static final String IMAGE = "lightpress:local";

    static Stream<Arguments> modes() {
        var envFiles = envFiles().stream().map(file -> Arguments.of(file, ComposeFile.envFile(file)));
        var layouts = splits().stream().map(split -> Arguments.of("split off: " + split, variables(split)));
        return Stream.concat(Stream.of(Arguments.of("one service", Map.of())), Stream.concat(envFiles, layouts));
    }

    /** The env files of docker/ that split modules off. */
    static List<String> envFiles() {
        try (var files = Files.list(NodeTools.PROJECT.resolve("docker"))) {
            return files.map(file -> "docker/" + file.getFileName())
                    .filter(name -> name.matches("docker/split-[a-z-]+\\.env"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every set of one to three modules; the fourth stays in the main service. */
    static List<List<String>> splits() {
        var modules = ModuleActivation.MODULES;
        var splits = new ArrayList<List<String>>();
        for (int set = 1; set < (1 << modules.size()) - 1; set++) {
            var split = new ArrayList<String>();
            for (int i = 0; i < modules.size(); i++) {
                if ((set & (1 << i)) != 0) {
                    split.add(modules.get(i));
                }
            }
            splits.add(split);
        }
        return splits;
    }

    /** The variables an env file sets to split these modules off. */
    static Map<String, String> variables(List<String> split) {
        var variables = new LinkedHashMap<String, String>();
        variables.put("COMPOSE_PROFILES", String.join(",", split));
        variables.put(
                "LIGHTPRESS_MAIN_MODULES",
                String.join(
                        ",",
                        ModuleActivation.MODULES.stream()
                                .filter(module -> !split.contains(module))
                                .toList()));
        split.forEach(module -> variables.put(GatewayRoutesTests.hostVariable(module), module));
        variables.put("LIGHTPRESS_PUBLIC_URL", "http://localhost:8000");
        return variables;
    }

    /** dclint validates against the Compose schema and its rules; ordering rules are off (dclint.json). */
    @Test
    void passesDclint() {
        var result = dclint("docker-compose.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    static NodeTools.Result dclint(String file) {
        return NodeTools.run(
                "dclint/bin/dclint.cjs",
                file,
                "-c",
                "src/test/deployment/dclint.json",
                "--max-warnings",
                "0",
                "--no-color");
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("envFiles")
    void everyEnvFileSplitsOffTheModulesOfItsProfilesBehindTheGateway(String envFile) {
        var variables = ComposeFile.envFile(envFile);
        var split = List.of(variables.get("COMPOSE_PROFILES").split(","));

        assertThat(variables).as(envFile).isEqualTo(variables(split));
        var compose = ComposeFile.load(variables);
        assertThat(compose.activeServices()).containsKey("gateway").containsKeys(split.toArray(String[]::new));
        for (var module : ModuleActivation.MODULES) {
            var host = compose.environment("gateway").get(GatewayRoutesTests.hostVariable(module));
            assertThat(compose.environment(host).get("LIGHTPRESS_MODULES_LOCAL"))
                    .as("%s runs %s", host, module)
                    .contains(module);
        }
        split.forEach(module -> assertThat(compose.environment(module))
                .containsEntry("LIGHTPRESS_MODULES_LOCAL", module)
                .containsEntry("LIGHTPRESS_PLATFORM_SCHEMA", "lightpress_" + module)
                .containsEntry("LIGHTPRESS_PLATFORM_PUBLIC_URL", "http://localhost:8000"));
    }

    @Test
    void runsEveryModuleInOneServiceWithoutAGatewayByDefault() {
        var single = ComposeFile.load(Map.of());

        assertThat(single.activeServices()).doesNotContainKeys("gateway", "users", "auth", "billing", "notifications");
        assertThat(single.environment("lightpress"))
                .containsEntry("LIGHTPRESS_MODULES_LOCAL", "users,auth,billing,notifications");
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
