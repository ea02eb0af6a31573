package com.lightpress;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.platform.modules.ModuleActivation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.core.util.ApplicationModulesExporter;
import org.springframework.modulith.docs.Documenter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The module structure holds, and the documents describing it are current. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(Lightpress.class);
    static final Path ARCHITECTURE = Path.of("ARCHITECTURE.md");
    static final Path MODULE_MODEL = Path.of("src/main/resources", ApplicationModulesExporter.DEFAULT_LOCATION);
    static final String BEGIN = "<!-- module-diagram:begin (ModularityTests writes this block) -->";
    static final String END = "<!-- module-diagram:end -->";

    @Test
    void verifiesModuleBoundaries() {
        MODULES.verify();
    }

    @Test
    void platformKnowsEveryBusinessModule() {
        var detected = MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString);
        var expected = Stream.concat(ModuleActivation.MODULES.stream(), Stream.of("platform"));
        assertThat(detected).containsExactlyInAnyOrderElementsOf(expected.toList());
    }

    /** Module activation reads the declarations; Modulith's model of the code must agree with its order. */
    @Test
    void moduleActivationListsModulesAfterEveryModuleTheyDependOn() {
        var order = ModuleActivation.MODULES;
        MODULES.stream()
                .filter(module -> order.contains(module.getIdentifier().toString()))
                .forEach(module -> module.getDirectDependencies(MODULES)
                        .uniqueModules()
                        .map(target -> target.getIdentifier().toString())
                        .filter(order::contains)
                        .forEach(target -> assertThat(order.indexOf(target))
                                .as(
                                        "%s depends on %s, so %s comes first in %s",
                                        module.getIdentifier(), target, target, order)
                                .isLessThan(order.indexOf(module.getIdentifier().toString()))));
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
        assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
    }

    @Test
    void architectureDocumentShowsCurrentModuleDiagram() throws IOException {
        var document = Files.readString(ARCHITECTURE);
        var start = document.indexOf(BEGIN);
        var end = document.indexOf(END);
        assertThat(start).as("ARCHITECTURE.md has the diagram markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        var current = document.substring(start + BEGIN.length(), end);
        var fresh = "\n" + mermaidDiagram() + "\n";
        if (!current.equals(fresh)) {
            Files.writeString(
                    ARCHITECTURE, document.substring(0, start + BEGIN.length()) + fresh + document.substring(end));
        }
        assertThat(current)
                .as("ARCHITECTURE.md's module diagram was stale; it has been rewritten, commit it")
                .isEqualTo(fresh);
    }

    /**
     * The module model every process reads at start instead of computing it (Modulith's runtime
     * would import every class with ArchUnit, seconds of CPU at each start): it must be what the
     * code says. A stale one is rewritten here, for committing.
     */
    @Test
    void precomputedModuleModelIsCurrent() throws IOException {
        var json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        var fresh = json.writeValueAsString(canonical(json.readTree(new ApplicationModulesExporter(MODULES).toJson())));
        var committed = Files.exists(MODULE_MODEL) ? Files.readString(MODULE_MODEL) : "";
        if (!committed.strip().equals(fresh.strip())) {
            Files.createDirectories(MODULE_MODEL.getParent());
            Files.writeString(MODULE_MODEL, fresh + "\n");
        }
        assertThat(committed.strip())
                .as("%s was stale; it has been rewritten, commit it", MODULE_MODEL)
                .isEqualTo(fresh.strip());
    }

    /** Fields and array elements in sorted order: the exporter writes sets, whose order varies. */
    private static JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            var sorted = JsonNodeFactory.instance.objectNode();
            object.propertyNames().stream().sorted().forEach(name -> sorted.set(name, canonical(object.get(name))));
            return sorted;
        }
        if (node instanceof ArrayNode array) {
            var sorted = JsonNodeFactory.instance.arrayNode();
            array.valueStream()
                    .map(ModularityTests::canonical)
                    .sorted(Comparator.comparing(JsonNode::toString))
                    .forEach(sorted::add);
            return sorted;
        }
        return node;
    }

    static String mermaidDiagram() {
        var edges = new TreeMap<String, Set<String>>();
        MODULES.forEach(module -> module.getDirectDependencies(MODULES).stream()
                .forEach(dependency -> edges.computeIfAbsent(
                                module.getIdentifier() + " --> "
                                        + dependency.getTargetModule().getIdentifier(),
                                key -> new TreeSet<>())
                        .add(label(dependency))));
        var lines = new ArrayList<String>();
        lines.add("```mermaid");
        lines.add("flowchart LR");
        MODULES.stream()
                .map(module -> "  %s[\"%s\"]".formatted(module.getIdentifier(), module.getDisplayName()))
                .sorted()
                .forEach(lines::add);
        edges.forEach((edge, labels) -> {
            var parts = edge.split(" --> ");
            lines.add("  %s -->|%s| %s".formatted(parts[0], String.join(", ", labels), parts[1]));
        });
        lines.add("```");
        return String.join("\n", lines);
    }

    private static String label(ApplicationModuleDependency dependency) {
        return dependency.getDependencyType() == DependencyType.EVENT_LISTENER ? "listens to events" : "uses API";
    }
}
