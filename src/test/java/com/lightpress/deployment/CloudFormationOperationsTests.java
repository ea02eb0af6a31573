package com.lightpress.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.platform.modules.ModuleActivation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The alarms of every environment, as CloudFormation would create them: each figure the operators
 * need has an alarm that notifies the topic given (and tells it when the alarm clears), every
 * module's queue has one, a split-off service gets its own, and the services export their metrics
 * to the namespace the alarms read, which is the only one they may write to.
 */
class CloudFormationOperationsTests {

    static final String TOPIC = "arn:aws:sns:eu-central-1:123456789012:lightpress-alarms";

    static Stream<Arguments> deployments() {
        return CloudFormationServicesTests.deployments();
    }

    @ParameterizedTest(name = "{0}, split off: [{1}]")
    @MethodSource("deployments")
    void everyAlarmNotifiesTheTopicAndTheFiguresOfTheIssueAreCovered(String environment, String layout) {
        var operations = operations(environment, layout);
        var metrics = new TreeSet<String>();
        var queues = new TreeSet<String>();
        for (var alarm : alarms(operations)) {
            var properties = operations.properties(alarm);
            assertThat(properties.get("AlarmActions")).as(alarm).isEqualTo(List.of(TOPIC));
            assertThat(properties.get("OKActions")).as(alarm).isEqualTo(List.of(TOPIC));
            for (var metric : metricsOf(properties)) {
                metrics.add(String.valueOf(metric.get("MetricName")));
                dimensions(metric).stream()
                        .filter(dimension -> "QueueName".equals(dimension.get("Name")))
                        .forEach(dimension -> queues.add(String.valueOf(dimension.get("Value"))));
            }
        }

        var queueStack = stack(environment, layout, "Queues");
        for (var alarm : alarms(queueStack)) {
            var properties = queueStack.properties(alarm);
            assertThat(properties.get("AlarmActions")).as(alarm).isEqualTo(List.of(TOPIC));
            assertThat(properties.get("OKActions")).as(alarm).isEqualTo(List.of(TOPIC));
            metrics.add(String.valueOf(properties.get("MetricName")));
        }

        assertThat(metrics)
                .contains(
                        "ApproximateNumberOfMessagesVisible",
                        "HTTPCode_Target_5XX_Count",
                        "HTTPCode_ELB_5XX_Count",
                        "RequestCount",
                        "TargetResponseTime",
                        "UnHealthyHostCount",
                        "ApproximateAgeOfOldestMessage",
                        "lightpress.events.incomplete.all.value",
                        "lightpress.events.dead.value",
                        "lightpress.emails.dead.count",
                        "CPUUtilization",
                        "FreeStorageSpace",
                        "DatabaseConnections",
                        "RunningTaskCount",
                        "DesiredTaskCount");
        var prefix = LightpressStacks.parameters(environment).get("QueuePrefix");
        assertThat(queues)
                .containsExactlyInAnyOrderElementsOf(ModuleActivation.MODULES.stream()
                        .map(module -> prefix + module)
                        .toList());
        var split = List.of(layout.split(","));
        for (var module : ModuleActivation.MODULES) {
            var service = Character.toUpperCase(module.charAt(0)) + module.substring(1);
            assertThat(operations.exists(service + "UnhealthyTargetsAlarm"))
                    .as(module)
                    .isEqualTo(split.contains(module));
            assertThat(operations.exists(service + "TaskRestartsAlarm"))
                    .as(module)
                    .isEqualTo(split.contains(module));
        }
        assertThat(operations.exists("Dashboard")).isTrue();
    }

    @ParameterizedTest(name = "{0}, split off: [{1}]")
    @MethodSource("deployments")
    void servicesExportMetricsToTheNamespaceTheAlarmsReadAndMayWriteNowhereElse(String environment, String layout) {
        var namespace = String.valueOf(operations(environment, layout).parameter("MetricsNamespace"));

        assertThat(namespace).isEqualTo("Lightpress/" + environment);
        for (var service : CloudFormationServicesTests.services(environment, layout)) {
            assertThat(service.environment())
                    .containsEntry("MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_ENABLED", "true")
                    .containsEntry("MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE", namespace);
            assertThat(service.conditionsAllowing("TaskRole", "cloudwatch:PutMetricData"))
                    .containsExactly(Map.of("StringEquals", Map.of("cloudwatch:namespace", namespace)));
        }
    }

    private static StackEvaluation operations(String environment, String layout) {
        return stack(environment, layout, "Operations");
    }

    private static StackEvaluation stack(String environment, String layout, String nested) {
        return LightpressStacks.root(environment, Map.of("SplitModules", layout, "AlarmTopicArn", TOPIC))
                .nested(nested);
    }

    /** The alarms that exist in a stack evaluated with its parameters. */
    static List<String> alarms(StackEvaluation stack) {
        var alarms = new ArrayList<String>();
        stack.template().resources().forEach((name, resource) -> {
            if ("AWS::CloudWatch::Alarm".equals(resource.get("Type")) && stack.exists(name)) {
                alarms.add(name);
            }
        });
        assertThat(alarms).isNotEmpty();
        return alarms;
    }

    /** The metrics an alarm reads: its own, or those of its metric math. */
    static List<Map<String, Object>> metricsOf(Map<String, Object> alarm) {
        if (alarm.containsKey("MetricName")) {
            return List.of(alarm);
        }
        if (!(alarm.get("Metrics") instanceof List<?> queries)) {
            return List.of();
        }
        return queries.stream()
                .map(Template::map)
                .filter(query -> query.containsKey("MetricStat"))
                .map(query -> Template.map(Template.map(query.get("MetricStat")).get("Metric")))
                .toList();
    }

    static List<Map<String, Object>> dimensions(Map<String, Object> metric) {
        var dimensions = metric.get("Dimensions");
        return dimensions == null
                ? List.of()
                : ((List<?>) dimensions).stream().map(Template::map).toList();
    }
}
