package com.lightpress.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The .dockerignore rules, for the patterns the project uses: {@code *} for everything and plain
 * paths (a folder covers what is under it), each optionally re-included with {@code !}. As with
 * Docker, the last pattern that matches a path decides.
 */
record DockerIgnore(List<String> patterns) {

    static DockerIgnore load() {
        try {
            return new DockerIgnore(Files.readAllLines(NodeTools.PROJECT.resolve(".dockerignore")).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a path of the project reaches the build context. */
    boolean sends(String path) {
        var normalized = strip(path);
        var sent = true;
        for (var pattern : patterns) {
            var include = pattern.startsWith("!");
            var target = strip(include ? pattern.substring(1) : pattern);
            if (target.equals("*") || normalized.equals(target) || normalized.startsWith(target + "/")) {
                sent = include;
            }
        }
        return sent;
    }

    private static String strip(String path) {
        var result = path.startsWith("./") ? path.substring(2) : path;
        result = result.startsWith("/") ? result.substring(1) : result;
        return result.endsWith("/") ? result.substring(0, result.length() - 1) : result;
    }
}
