package com.lightpress.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * The development mode of compose, docker-compose.dev.yml over docker-compose.yml: every Lightpress
 * service of every layout runs from its classes with DevTools, which compose watch keeps in step
 * with the host's, while the production image and plain `docker compose up` never have DevTools.
 */
class DockerComposeDevelopmentTests {

    private static final String CLASSES = "/application/classes";

    /** Every layout of DockerComposeTests, now in the development mode. */
    static Stream<Arguments> modes() {
        return DockerComposeTests.modes();
    }

    /**
     * dclint 3.1.0's Compose schema predates {@code initial_sync} (Compose 2.39.4), so it checks a
     * copy without exactly those lines.
     */
    @Test
    void passesDclintApartFromInitialSync() throws IOException {
        var lines = Files.readAllLines(ComposeFile.DEVELOPMENT_FILE);
        var kept = lines.stream()
                .filter(line -> !line.strip().equals("initial_sync: true"))
                .toList();
        var copy = Path.of("target", "dclint", "docker-compose.dev.yml");
        Files.createDirectories(copy.getParent());
        Files.write(copy, kept);

        var result = DockerComposeTests.dclint(copy.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void changesOnlyTheImageAndHowTheApplicationStarts() {
        var development =
                Template.map(ComposeFile.read(ComposeFile.DEVELOPMENT_FILE).get("services"));
        var lightpress = ComposeFile.load(Map.of()).services().entrySet().stream()
                .filter(service -> "lightpress:local".equals(service.getValue().get("image")))
                .map(Map.Entry::getKey)
                .toList();

        assertThat(development).containsOnlyKeys(lightpress.toArray(String[]::new));
        development.values().forEach(service -> {
            assertThat(Template.map(service)).containsOnlyKeys("build", "image", "entrypoint", "develop");
            assertThat(Template.map(Template.map(service).get("build"))).containsExactly(Map.entry("target", "dev"));
            assertThat(service).isEqualTo(development.get("lightpress"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void keepsEverySettingOfEveryServiceInEveryLayout(String mode, Map<String, String> variables) {
        var production = ComposeFile.load(variables);
        var development = ComposeFile.loadDevelopment(variables);

        assertThat(development.activeServices())
                .containsOnlyKeys(production.activeServices().keySet());
        production.services().forEach((name, service) -> {
            assertThat(development.environment(name)).as(name).isEqualTo(production.environment(name));
            assertThat(withoutStart(development.services().get(name))).as(name).isEqualTo(withoutStart(service));
        });
    }

    @Test
    void startsEveryLightpressServiceFromItsClassesWithDevToolsOnlyInDevelopment() throws IOException {
        var development = ComposeFile.loadDevelopment(Map.of()).services();
        var dev = Dockerfile.load().find("dev").orElseThrow();

        assertThat(Files.readString(ComposeFile.FILE)).doesNotContainIgnoringCase("devtools");
        ComposeFile.load(Map.of()).services().forEach((name, service) -> {
            assertThat(service).as(name).doesNotContainKeys("entrypoint", "command", "develop");
            if ("lightpress:local".equals(service.get("image"))) {
                var entrypoint = ServiceStack.asList(development.get(name).get("entrypoint"));
                assertThat(development.get(name))
                        .as(name)
                        .containsEntry("image", "lightpress:dev")
                        .containsEntry("build", Map.of("context", ".", "target", "dev"));
                assertThat(entrypoint)
                        .as(name)
                        .startsWith("java")
                        .contains("-Dspring.devtools.restart.enabled=true", "-XX:MaxRAMPercentage=75.0")
                        .containsSubsequence("-cp", "classes:lib/*:devtools/*", "com.lightpress.Lightpress")
                        .doesNotContain("-jar");
            }
        });
        assertThat(dev.from()).isEqualTo("runtime");
        assertThat(dev.arguments("COPY"))
                .containsExactly(
                        "--from=devtools /workspace/target/devtools/ ./devtools/",
                        "--from=builder --chown=10001:10001 /workspace/target/classes/ ./classes/");
        assertThat(Dockerfile.load().stage("devtools").arguments("RUN"))
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains("dependency:copy-dependencies", "-DincludeArtifactIds=spring-boot-devtools");
    }

    @Test
    void syncsCompiledClassesAndSavedTemplatesIntoTheClassPathAndRebuildsForNewDependencies() {
        var development = ComposeFile.loadDevelopment(Map.of()).services();
        var rules = new LinkedHashMap<String, Map<String, Object>>();
        for (var rule : (List<?>)
                Template.map(development.get("lightpress").get("develop")).get("watch")) {
            var watch = Template.map(rule);
            var path = String.valueOf(watch.get("path"));
            assertThat(NodeTools.PROJECT.resolve(path)).as(path).exists();
            rules.put(path, watch);
        }

        assertThat(rules)
                .containsOnlyKeys(
                        "./target/classes",
                        "./src/main/resources/templates",
                        "./src/main/resources/static",
                        "./pom.xml");
        assertThat(rules.get("./target/classes"))
                .containsEntry("action", "sync")
                .containsEntry("target", CLASSES)
                .containsEntry("ignore", List.of("templates/", "static/"));
        for (var folder : List.of("templates", "static")) {
            assertThat(rules.get("./src/main/resources/" + folder))
                    .containsEntry("action", "sync")
                    .containsEntry("target", CLASSES + "/" + folder);
        }
        rules.values().stream()
                .filter(rule -> "sync".equals(rule.get("action")))
                .forEach(rule -> assertThat(rule).containsEntry("initial_sync", true));
        assertThat(rules.get("./pom.xml")).containsEntry("action", "rebuild");
    }

    /**
     * Boot's repackage leaves DevTools out of the jar unless told otherwise (excludeDevtools,
     * default true), and an optional dependency reaches no other project: the production image,
     * built from that jar, never has it.
     */
    @Test
    void leavesDevToolsOutOfThePackagedJar() throws Exception {
        var pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(NodeTools.PROJECT.resolve("pom.xml").toFile())
                .getDocumentElement();
        var devtools = pom.getElementsByTagName("dependency");
        var found = false;
        for (int i = 0; i < devtools.getLength(); i++) {
            var dependency = (Element) devtools.item(i);
            if (text(dependency, "artifactId").equals("spring-boot-devtools")) {
                found = true;
                assertThat(text(dependency, "optional")).isEqualTo("true");
                assertThat(text(dependency, "scope")).isEmpty();
            }
        }

        assertThat(found).isTrue();
        assertThat(pom.getElementsByTagName("excludeDevtools").getLength()).isZero();
        assertThat(pom.getElementsByTagName("spring-boot.repackage.excludeDevtools")
                        .getLength())
                .isZero();
    }

    private static String text(Element element, String child) {
        var children = element.getElementsByTagName(child);
        return children.getLength() == 0
                ? ""
                : children.item(0).getTextContent().strip();
    }

    /** A service without what the development mode replaces. */
    private static Map<String, Object> withoutStart(Map<String, Object> service) {
        var rest = new LinkedHashMap<>(service);
        List.of("build", "image", "entrypoint", "develop").forEach(rest::remove);
        return rest;
    }
}
