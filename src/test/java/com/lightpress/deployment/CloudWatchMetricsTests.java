package com.lightpress.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lightpress.testing.LightpressTest;
import com.lightpress.testing.OAuthClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;

/**
 * The alarms and the dashboard read Lightpress's metrics by the names and dimensions the running
 * application sends to CloudWatch: a metric read under a name nobody sends would keep its alarm
 * quiet for ever ({@code TreatMissingData: notBreaching}). The application runs with the export on,
 * as in AWS but every second, and a CloudWatch client that keeps what it is given.
 */
@LightpressTest(
        properties = {
            "management.cloudwatch.metrics.export.enabled=true",
            "management.cloudwatch.metrics.export.namespace=" + CloudWatchMetricsTests.NAMESPACE,
            "management.cloudwatch.metrics.export.step=1s"
        })
@Import(CloudWatchMetricsTests.SentMetrics.class)
class CloudWatchMetricsTests {

    static final String NAMESPACE = "Lightpress/production";

    /** Recorded only by a process that takes events from a queue, which a monolith has none of. */
    static final Metric QUEUE_LAG = new Metric("lightpress.queue.lag.max", Set.of("queue"));

    private static final Pattern SEARCH = Pattern.compile("SEARCH\\('\\{([^}]*)\\}(.*?)'");

    private static final Pattern SEARCHED_NAME = Pattern.compile("MetricName=\"([^\"]+)\"");

    @Value("${local.server.port}")
    int port;

    @Autowired
    SentMetrics sent;

    @Test
    void everyLightpressMetricTheAlarmsAndTheDashboardReadIsOneTheApplicationSends() {
        new OAuthClient(port).admin(); // a sign-up, an email, a login and tokens, each counted
        var read = readByOperations();

        assertThat(read)
                .extracting(Metric::name)
                .contains(
                        "lightpress.events.incomplete.all.value",
                        "lightpress.events.dead.value",
                        "lightpress.emails.dead.count",
                        "lightpress.logins.count",
                        "lightpress.tokens.issued.count",
                        QUEUE_LAG.name());
        var expected = read.stream()
                .filter(metric -> !metric.equals(QUEUE_LAG))
                .map(Metric::alwaysSent)
                .collect(Collectors.toCollection(TreeSet::new));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(sent.metrics()).containsAll(expected));
    }

    /** What the operations stack's alarms and dashboard read from Lightpress's namespace. */
    private static Set<Metric> readByOperations() {
        var operations = LightpressStacks.root("production", Map.of()).nested("Operations");
        assertThat(operations.parameter("MetricsNamespace")).isEqualTo(NAMESPACE);
        var read = new TreeSet<Metric>();
        for (var alarm : CloudFormationOperationsTests.alarms(operations)) {
            CloudFormationOperationsTests.metricsOf(operations.properties(alarm)).stream()
                    .filter(metric -> NAMESPACE.equals(metric.get("Namespace")))
                    .forEach(metric -> read.add(new Metric(
                            String.valueOf(metric.get("MetricName")),
                            CloudFormationOperationsTests.dimensions(metric).stream()
                                    .map(dimension -> String.valueOf(dimension.get("Name")))
                                    .collect(Collectors.toSet()))));
        }
        var dashboard = OAuthClient.json(
                String.valueOf(operations.properties("Dashboard").get("DashboardBody")));
        for (var widget : dashboard.get("widgets")) {
            var previous = List.<String>of();
            for (var row : widget.get("properties").get("metrics")) {
                if (row.get(0).has("expression")) {
                    readBySearch(row.get(0).get("expression").asString(), read);
                    continue;
                }
                var names = new ArrayList<String>();
                for (var i = 0; i < row.size() && row.get(i).isString(); i++) {
                    var value = row.get(i).asString();
                    names.add(".".equals(value) ? previous.get(i) : value);
                }
                previous = names;
                if (NAMESPACE.equals(names.get(0))) {
                    var dimensions = new TreeSet<String>();
                    for (var i = 2; i < names.size(); i += 2) {
                        dimensions.add(names.get(i));
                    }
                    read.add(new Metric(names.get(1), dimensions));
                }
            }
        }
        return read;
    }

    private static void readBySearch(String expression, Set<Metric> read) {
        var search = SEARCH.matcher(expression);
        assertThat(search.find()).as(expression).isTrue();
        var schema = List.of(search.group(1).split(","));
        if (!NAMESPACE.equals(schema.get(0))) {
            return;
        }
        var names = SEARCHED_NAME.matcher(search.group(2));
        while (names.find()) {
            read.add(new Metric(names.group(1), new TreeSet<>(schema.subList(1, schema.size()))));
        }
    }

    /** A CloudWatch metric as an alarm selects it: its name and the names of its dimensions. */
    record Metric(String name, Set<String> dimensions) implements Comparable<Metric> {

        Metric {
            dimensions = Set.copyOf(dimensions);
        }

        /**
         * The metric's sibling that is in every export: a timer's average and maximum are sent only
         * for a minute in which it recorded something, its count always.
         */
        Metric alwaysSent() {
            return name.endsWith(".max") || name.endsWith(".avg")
                    ? new Metric(name.substring(0, name.lastIndexOf('.')) + ".count", dimensions)
                    : this;
        }

        @Override
        public int compareTo(Metric other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return name + new TreeSet<>(dimensions);
        }
    }

    /** CloudWatch as the exporter sees it: it keeps every metric put into Lightpress's namespace. */
    @TestComponent
    static class SentMetrics implements CloudWatchAsyncClient {

        private final Set<Metric> metrics = ConcurrentHashMap.newKeySet();

        @Override
        public CompletableFuture<PutMetricDataResponse> putMetricData(PutMetricDataRequest request) {
            if (NAMESPACE.equals(request.namespace())) {
                request.metricData()
                        .forEach(datum -> metrics.add(new Metric(
                                datum.metricName(),
                                datum.dimensions().stream().map(Dimension::name).collect(Collectors.toSet()))));
            }
            return CompletableFuture.completedFuture(
                    PutMetricDataResponse.builder().build());
        }

        Set<Metric> metrics() {
            return new TreeSet<>(metrics);
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {}
    }
}
