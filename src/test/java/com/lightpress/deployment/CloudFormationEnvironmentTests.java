package com.lightpress.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.platform.modules.ModuleActivation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What each environment's stacks around the services provide: queues, database, network edges. */
class CloudFormationEnvironmentTests {

    @ParameterizedTest
    @MethodSource("com.lightpress.deployment.LightpressStacks#environmentNames")
    void givesEveryModuleAQueueThatDeadLettersAfterFiveReceives(String environment) {
        var queues = LightpressStacks.root(environment, Map.of()).nested("Queues");
        var prefix = LightpressStacks.parameters(environment).getOrDefault("QueuePrefix", "lightpress-");

        for (var module : ModuleActivation.MODULES) {
            var name = Character.toUpperCase(module.charAt(0)) + module.substring(1);
            var queue = queues.properties(name + "Queue");
            var redrive = Template.map(queue.get("RedrivePolicy"));

            assertThat(queue).containsEntry("QueueName", prefix + module);
            assertThat(redrive)
                    .containsEntry("maxReceiveCount", 5)
                    .containsEntry("deadLetterTargetArn", "<" + name + "DeadLetterQueue.Arn>");
            assertThat(queues.properties(name + "DeadLetterQueue"))
                    .containsEntry("QueueName", prefix + module + "-dlq")
                    .containsEntry("MessageRetentionPeriod", 1209600);
            assertThat(queues.properties(name + "DeadLetterAlarm"))
                    .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible");
        }
    }

    @ParameterizedTest
    @MethodSource("com.lightpress.deployment.LightpressStacks#environmentNames")
    void keepsTheDatabaseCredentialsInSecretsManagerAndTheDatabasePrivate(String environment) {
        var database = LightpressStacks.root(environment, Map.of()).nested("Database");
        var instance = database.properties("Instance");
        var raw = database.template().resource("Instance");

        assertThat(instance)
                .containsEntry("Engine", "postgres")
                .containsEntry(
                        "MasterUserPassword", "{{resolve:secretsmanager:<DatabaseSecret>:SecretString:password}}")
                .containsEntry("StorageEncrypted", true)
                .containsEntry("PubliclyAccessible", false);
        assertThat(String.valueOf(instance.get("EngineVersion"))).matches("17(\\.\\d+)?");
        assertThat(database.properties("ParameterGroup")).containsEntry("Family", "postgres17");
        assertThat(Template.map(database.properties("ParameterGroup").get("Parameters")))
                .containsEntry("rds.force_ssl", "1");
        assertThat(raw).containsEntry("DeletionPolicy", "Snapshot");
        assertThat(database.properties("DatabaseSecret"))
                .containsEntry("Name", "lightpress/" + environment + "/database");
    }

    @Test
    void makesStagingSmallerThanProductionWithEverythingOfItsOwn() {
        var staging = LightpressStacks.parameters("staging");
        var production = LightpressStacks.parameters("production");

        for (var size : List.of(
                "MainCpu",
                "MainMemory",
                "MainMinCount",
                "MainMaxCount",
                "DatabaseAllocatedStorage",
                "DatabaseMaxAllocatedStorage",
                "DatabaseBackupRetentionDays")) {
            assertThat(Integer.parseInt(staging.get(size))).as(size).isLessThan(Integer.parseInt(production.get(size)));
        }
        assertThat(staging.get("DatabaseInstanceClass")).isNotEqualTo(production.get("DatabaseInstanceClass"));
        assertThat(staging)
                .containsEntry("DatabaseMultiAz", "false")
                .containsEntry("DatabaseDeletionProtection", "false");
        assertThat(production)
                .containsEntry("DatabaseMultiAz", "true")
                .containsEntry("DatabaseDeletionProtection", "true");
        for (var shared : List.of(
                "QueuePrefix",
                "NamespaceName",
                "PublicUrl",
                "VpcId",
                "StripeSecretArn",
                "KeyEncryptionKeySecretArn",
                "CertificateArn")) {
            assertThat(staging.get(shared)).as(shared).isNotEqualTo(production.get(shared));
        }
        assertThat(staging.get("StripeSecretArn")).contains("/staging/");
        assertThat(production.get("StripeSecretArn")).contains("/production/");
    }

    @ParameterizedTest
    @MethodSource("com.lightpress.deployment.LightpressStacks#environmentNames")
    void exposesOnlyTheLoadBalancerAndKeepsInternalPathsInside(String environment) {
        var root = LightpressStacks.root(environment, Map.of("SplitModules", "notifications"));
        var network = root.nested("Network");
        var cluster = root.nested("Cluster");
        var privatePaths =
                Template.map(((List<?>) cluster.properties("PrivatePathsRule").get("Conditions")).get(0));

        assertThat(network.properties("DatabaseSecurityGroup").get("SecurityGroupIngress"))
                .asList()
                .singleElement()
                .extracting(rule -> Template.map(rule).get("SourceSecurityGroupId"))
                .isEqualTo("<ServiceSecurityGroup>");
        assertThat(List.of(
                        network.properties("ServiceIngressFromLoadBalancer").get("SourceSecurityGroupId"),
                        network.properties("ServiceIngressFromServices").get("SourceSecurityGroupId")))
                .containsExactly("<LoadBalancerSecurityGroup>", "<ServiceSecurityGroup>");
        assertThat(Template.map(privatePaths.get("PathPatternConfig")).get("Values"))
                .isEqualTo(List.of("/internal/*", "/actuator/*"));
        assertThat(cluster.properties("PrivatePathsRule")).containsEntry("Priority", 1);
        assertThat(cluster.properties("HttpsListener")).containsEntry("Protocol", "HTTPS");
        for (var service : CloudFormationServicesTests.services(environment, "notifications")) {
            var awsvpc = Template.map(
                    Template.map(service.stack().properties("Service").get("NetworkConfiguration"))
                            .get("AwsvpcConfiguration"));
            assertThat(awsvpc).containsEntry("AssignPublicIp", "DISABLED");
        }
    }
}
