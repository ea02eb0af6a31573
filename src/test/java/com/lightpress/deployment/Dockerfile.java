package com.lightpress.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The project's Dockerfile as stages of instructions, continuation lines joined, comments dropped. */
record Dockerfile(List<Stage> stages) {

    static final Path FILE = NodeTools.PROJECT.resolve("Dockerfile");

    record Instruction(String keyword, String arguments) {}

    record Stage(String name, String from, List<Instruction> instructions) {

        List<String> arguments(String keyword) {
            return instructions.stream()
                    .filter(instruction -> instruction.keyword().equals(keyword))
                    .map(Instruction::arguments)
                    .toList();
        }
    }

    static Dockerfile load() {
        try {
            return parse(Files.readAllLines(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(List<String> lines) {
        var stages = new ArrayList<Stage>();
        var logical = new StringBuilder();
        for (var line : lines) {
            if (line.strip().startsWith("#") || (logical.isEmpty() && line.isBlank())) {
                continue;
            }
            var continued = line.endsWith("\\");
            logical.append(continued ? line.substring(0, line.length() - 1) : line)
                    .append(' ');
            if (!continued) {
                var text = logical.toString().strip();
                logical.setLength(0);
                var space = text.indexOf(' ');
                var keyword = text.substring(0, space).toUpperCase(Locale.ROOT);
                var arguments = text.substring(space + 1).strip().replaceAll("\\s+", " ");
                if (keyword.equals("FROM")) {
                    var words = arguments.split(" ");
                    var name = words.length == 3 ? words[2] : "stage" + stages.size();
                    stages.add(new Stage(name, words[0], new ArrayList<>()));
                } else {
                    stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
                }
            }
        }
        return new Dockerfile(stages);
    }

    Stage stage(String name) {
        return find(name).orElseThrow(() -> new AssertionError("the Dockerfile has no stage " + name));
    }

    Optional<Stage> find(String name) {
        return stages.stream().filter(stage -> stage.name().equals(name)).findFirst();
    }

    Stage last() {
        return stages.get(stages.size() - 1);
    }

    /** A stage's instructions including those of the stages it is built on, as the image has them. */
    List<Instruction> effective(Stage stage) {
        var instructions = new ArrayList<Instruction>();
        find(stage.from()).ifPresent(base -> instructions.addAll(effective(base)));
        instructions.addAll(stage.instructions());
        return instructions;
    }

    /** The last value of an instruction as the image built from a stage sees it. */
    Optional<String> effectiveLast(Stage stage, String keyword) {
        var values = effective(stage).stream()
                .filter(instruction -> instruction.keyword().equals(keyword))
                .map(Instruction::arguments)
                .toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }
}
