package com.lightpress.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The image: how it is built, what it contains and how it runs. */
class DockerfileTests {

    private static final Dockerfile DOCKERFILE = Dockerfile.load();

    @Test
    void buildsWithTheMavenWrapperAndCachesDependenciesInALayerOfTheirOwn() {
        var builder = DOCKERFILE.stage("builder");
        var steps = builder.instructions().stream()
                .map(instruction -> instruction.keyword() + " " + instruction.arguments())
                .toList();

        assertThat(builder.from()).matches("eclipse-temurin:17[.\\d_]+-jdk-.+");
        assertThat(indexOf(steps, "COPY mvnw pom.xml"))
                .isLessThan(indexOf(steps, "RUN ./mvnw -B -q dependency:go-offline"));
        assertThat(indexOf(steps, "COPY .mvn/")).isLessThan(indexOf(steps, "RUN ./mvnw -B -q dependency:go-offline"));
        assertThat(indexOf(steps, "RUN ./mvnw -B -q dependency:go-offline"))
                .isLessThan(indexOf(steps, "COPY src/main/"));
        assertThat(steps.get(steps.size() - 1))
                .contains("./mvnw", " package ", "java -Djarmode=tools -jar", "extract --layers");
    }

    @Test
    void runsOnAJreImageWithNothingButTheExtractedLayers() {
        var runtime = DOCKERFILE.stage("runtime");

        assertThat(runtime.from()).matches("eclipse-temurin:17[.\\d_]+-jre-.+");
        assertThat(runtime.arguments("COPY"))
                .containsExactly(
                        "--from=builder /workspace/target/extracted/dependencies/ ./",
                        "--from=builder /workspace/target/extracted/spring-boot-loader/ ./",
                        "--from=builder /workspace/target/extracted/snapshot-dependencies/ ./",
                        "--from=builder /workspace/target/extracted/application/ ./");
        assertThat(DOCKERFILE.last().from()).isEqualTo("runtime");
        assertThat(DOCKERFILE.last().arguments("COPY"))
                .containsExactly("--from=training /application/application.jsa ./");
    }

    @Test
    void runsAsAUserThatIsNotRoot() {
        var user = DOCKERFILE.effectiveLast(DOCKERFILE.last(), "USER").orElseThrow();

        assertThat(user).matches("[1-9]\\d{3,}(:[1-9]\\d{3,})?");
    }

    @Test
    void exposesPort8080AndReportsHealthFromTheReadinessEndpoint() {
        var image = DOCKERFILE.last();
        var healthcheck = DOCKERFILE.effectiveLast(image, "HEALTHCHECK").orElseThrow();

        assertThat(DOCKERFILE.effectiveLast(image, "EXPOSE")).contains("8080");
        assertThat(healthcheck)
                .contains("--interval=", "--timeout=", "--start-period=", "--retries=")
                .contains("CMD curl -fsS")
                .contains("http://127.0.0.1:8080/actuator/health/readiness");
    }

    @Test
    void startsWithContainerAwareMemoryAndTheCdsArchive() throws IOException {
        var entrypoint = entrypoint(
                DOCKERFILE.effectiveLast(DOCKERFILE.last(), "ENTRYPOINT").orElseThrow());
        var training = Files.readString(NodeTools.PROJECT.resolve("docker/cds-training.sh"));

        assertThat(entrypoint)
                .startsWith("java")
                .contains("-XX:MaxRAMPercentage=75.0", "-XX:SharedArchiveFile=application.jsa")
                .endsWith("-jar", "application.jar");
        assertThat(DOCKERFILE.stage("training").arguments("RUN")).contains("sh /usr/local/bin/cds-training.sh");
        assertThat(training)
                .contains("-XX:ArchiveClassesAtExit=application.jsa", "-Dspring.context.exit=onRefresh")
                .contains("-XX:MaxRAMPercentage=75.0", "-jar application.jar");
    }

    @Test
    void trainsTheArchiveWithEverySettingTheApplicationNeeds() throws IOException {
        var training = Files.readString(NodeTools.PROJECT.resolve("docker/cds-training.sh"));
        var set = new ArrayList<String>();
        var matcher = Pattern.compile("(?m)^\\s+([A-Z][A-Z0-9_]+)=").matcher(training);
        while (matcher.find()) {
            set.add(matcher.group(1));
        }

        assertThat(set)
                .containsAll(RequiredSettings.forModules(com.lightpress.platform.modules.ModuleActivation.MODULES))
                .contains("LIGHTPRESS_MODULES_LOCAL", "SPRING_PROFILES_ACTIVE");
        assertThat(training).contains("LIGHTPRESS_MODULES_LOCAL=users,auth,billing,notifications");
    }

    /**
     * Repackage finds the jar's Start-Class as the one main class annotated
     * {@code @SpringBootApplication}, unless the POM names one: the parent POM hands the properties
     * {@code spring-boot.run.main-class} and {@code start-class} to repackage, so setting either for
     * the local run would make the image start something else.
     */
    @Test
    void packagesTheJarToStartLightpress() throws IOException {
        var pom = Files.readString(NodeTools.PROJECT.resolve("pom.xml"));
        List<String> applications;
        try (var sources = Files.walk(NodeTools.PROJECT.resolve("src/main/java"))) {
            applications = sources.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> read(file).contains("@SpringBootApplication"))
                    .map(file -> NodeTools.PROJECT.relativize(file).toString())
                    .toList();
        }

        assertThat(applications).containsExactly("src/main/java/com/lightpress/Lightpress.java");
        assertThat(pom).doesNotContain("<spring-boot.run.main-class>", "<start-class>");
    }

    @Test
    void pinsEveryBaseImageToAVersion() {
        DOCKERFILE.stages().stream()
                .map(Dockerfile.Stage::from)
                .filter(from -> DOCKERFILE.find(from).isEmpty())
                .forEach(image -> assertThat(image).matches("[a-z0-9./-]+:\\d+\\.\\d+[\\w.-]*"));
    }

    @Test
    void sendsOnlyWhatTheBuildNeedsIntoTheBuildContext() {
        var ignore = DockerIgnore.load();
        var copied = DOCKERFILE.stages().stream()
                .flatMap(stage -> stage.arguments("COPY").stream())
                .filter(arguments -> !arguments.startsWith("--from="))
                .flatMap(arguments -> {
                    var words = List.of(arguments.split(" "));
                    return words.subList(0, words.size() - 1).stream();
                })
                .toList();

        assertThat(copied).isNotEmpty().allMatch(ignore::sends);
        assertThat(List.of(
                        "target/app.jar",
                        "src/test/java/X.java",
                        ".git/HEAD",
                        ".local-data/pg",
                        "src/test/deployment/node_modules/x",
                        "cloudformation/service.yaml"))
                .noneMatch(ignore::sends);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> entrypoint(String json) {
        var words = new ArrayList<String>();
        JsonMapper.builder().build().readTree(json).forEach(word -> words.add(word.asString()));
        return words;
    }

    private static int indexOf(List<String> steps, String prefix) {
        for (var i = 0; i < steps.size(); i++) {
            if (steps.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no step starts with " + prefix + " in " + steps);
    }
}
