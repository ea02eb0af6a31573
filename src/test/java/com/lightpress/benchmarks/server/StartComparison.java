package com.lightpress.benchmarks.server;

import com.lightpress.testing.EmbeddedServers;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Start time (process start to the first ready answer) and resident memory after start of the jar
 * extracted as the image holds it (the application and a lib/ folder), against the smallest Spring
 * Boot MVC + JDBC application on the same libraries from the same lib/ folder, so that both load
 * their classes the same way; the start of the extracted jar with a CDS archive, as the image runs
 * it; and, for information, {@code java -jar} of the packaged jar, whose nested jars load slower.
 */
final class StartComparison {

    /** Which of Lightpress's libraries the minimal application gets: MVC, Tomcat, JDBC, logging. */
    private static final Pattern MINIMAL_LIBRARIES =
            Pattern.compile("(spring-(core|beans|context|aop|expression|web|webmvc|jdbc|tx|jcl)-.*"
                    + "|spring-boot-(?!.*(actuator|devtools|micrometer|opentelemetry|security|session|liquibase|data|mail|cache|modulith)).*"
                    + "|tomcat-embed-.*|jackson-.*|HikariCP-.*|postgresql-.*|logback-.*|slf4j-api-.*|jul-to-slf4j-.*"
                    + "|log4j-to-slf4j-.*|log4j-api-.*|micrometer-(observation|commons)-.*|snakeyaml-.*|jakarta\\.annotation-api-.*"
                    + "|jspecify-.*|commons-logging-.*)\\.jar");

    private static final int STARTS = 3;

    private final Path jar;
    private final Path work;
    private final EmbeddedServers servers;
    private final String database;
    private final Table table;

    StartComparison(Path jar, Path work, EmbeddedServers servers, String database, Table table) {
        this.jar = jar;
        this.work = work;
        this.servers = servers;
        this.database = database;
        this.table = table;
    }

    void run() throws Exception {
        var extracted = extract();
        var application = extracted.resolve(jar.getFileName()).toString();
        var plain = starts(List.of("-jar", application), "/actuator/health/readiness", true);
        var minimal = starts(
                List.of("-Dspring.config.name=minimal", "-cp", minimalClassPath(extracted), MinimalApp.class.getName()),
                "/ready",
                false);
        table.ratio(
                "start of the jar to ready, extracted as the image runs it (no CDS)",
                plain.seconds(),
                " s",
                "minimal Boot MVC + JDBC app, same libraries and layout",
                minimal.seconds(),
                "<=",
                2);
        table.ratio(
                "resident memory after start",
                plain.residentMib(),
                " MiB",
                "minimal Boot MVC + JDBC app",
                minimal.residentMib(),
                "<=",
                1.5);
        var archive = work.resolve("application.jsa").toAbsolutePath();
        Files.deleteIfExists(archive);
        ServerProcess.runToEnd(
                List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", application),
                ServerBenchmark.lightpressProperties(servers, database, EmbeddedServers.freePort(), "http://127.0.0.1"),
                work.resolve("cds-training.log"));
        var withArchive = starts(
                List.of("-XX:SharedArchiveFile=" + archive, "-jar", application), "/actuator/health/readiness", true);
        table.ratio(
                "start of the extracted jar with the CDS archive",
                withArchive.seconds(),
                " s",
                "the same without",
                plain.seconds(),
                "<=",
                0.7);
        var packaged = starts(List.of("-jar", jar.toString()), "/actuator/health/readiness", true);
        table.ratio(
                "start of the packaged jar as it is (java -jar, nested jars)",
                packaged.seconds(),
                " s",
                "extracted",
                plain.seconds(),
                "info",
                0);
    }

    private record Start(double seconds, double residentMib) {}

    /** The median of several starts, each on the database the load runs already migrated. */
    private Start starts(List<String> command, String readyPath, boolean lightpress) throws Exception {
        var starts = new ArrayList<Start>();
        for (int i = 0; i < STARTS; i++) {
            var port = EmbeddedServers.freePort();
            var jvm = new ArrayList<String>(List.of("-XX:MaxRAMPercentage=75.0"));
            jvm.addAll(command);
            Map<String, Object> properties = lightpress
                    ? ServerBenchmark.lightpressProperties(servers, database, port, "http://127.0.0.1:" + port)
                    : Map.of(
                            "server.port",
                            port,
                            "server.address",
                            "127.0.0.1",
                            "spring.datasource.url",
                            database,
                            "spring.datasource.username",
                            "postgres",
                            "spring.datasource.password",
                            "postgres");
            try (var server = ServerProcess.start(
                    jvm, properties, "http://127.0.0.1:" + port + readyPath, work.resolve("start-" + port + ".log"))) {
                starts.add(new Start(server.readyAfter().toMillis() / 1000.0, server.residentMib()));
            }
        }
        System.out.println(command + ": " + starts);
        starts.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
        var median = starts.get(STARTS / 2);
        var memory = starts.stream().mapToDouble(Start::residentMib).sorted().toArray()[STARTS / 2];
        return new Start(median.seconds(), memory);
    }

    /** The jar split into the application and its lib/ folder, as the image holds it. */
    private Path extract() throws Exception {
        var destination = work.resolve("extracted").toAbsolutePath();
        ServerProcess.runToEnd(
                List.of(
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--force",
                        "--destination",
                        destination.toString()),
                Map.of(),
                work.resolve("extract.log"));
        return destination;
    }

    /** The minimal application's own class and the matching libraries, and nothing of the tests. */
    private String minimalClassPath(Path extracted) throws IOException {
        var classes = work.resolve("minimal-classes").toAbsolutePath();
        var name = MinimalApp.class.getName().replace('.', '/') + ".class";
        var target = classes.resolve(name);
        Files.createDirectories(target.getParent());
        try (var in = MinimalApp.class.getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        var entries = new ArrayList<String>(List.of(classes.toString()));
        try (var libraries = Files.list(extracted.resolve("lib"))) {
            libraries
                    .filter(it -> MINIMAL_LIBRARIES
                            .matcher(it.getFileName().toString())
                            .matches())
                    .sorted()
                    .forEach(it -> entries.add(it.toString()));
        }
        return String.join(File.pathSeparator, entries);
    }
}
