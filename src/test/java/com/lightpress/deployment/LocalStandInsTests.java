package com.lightpress.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.platform.modules.ModuleActivation;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Compose's stand-ins for AWS behave like what CloudFormation builds: LocalStack gets the same
 * queues. (The gateway routes like the load balancer by construction: GatewayRoutesTests.)
 */
class LocalStandInsTests {

    private static final String INIT_SCRIPT = "docker/localstack/create-queues.sh";

    @Test
    void createsEveryModulesQueueWithItsDeadLetterQueueAsCloudFormationDoes() throws IOException {
        var script = Files.readString(NodeTools.PROJECT.resolve(INIT_SCRIPT));
        var loop = Pattern.compile("for module in ([a-z ]+); do").matcher(script);
        var compose = ComposeFile.load(Map.of());
        var localstack = compose.services().get("localstack");
        var queues = Template.load(LightpressStacks.DIRECTORY.resolve("queues.yaml"));

        assertThat(loop.find()).isTrue();
        assertThat(List.of(loop.group(1).split(" "))).containsExactlyElementsOf(ModuleActivation.MODULES);
        assertThat(script)
                .contains("--queue-name \"${prefix}${module}-dlq\"", "--queue-name \"${prefix}${module}\"")
                .containsPattern("maxReceiveCount[\\\\\"]*:5\\b")
                .contains("MessageRetentionPeriod=1209600");
        assertThat(queues.resource("NotificationsDeadLetterQueue").toString())
                .contains("MessageRetentionPeriod=1209600");
        assertThat(Files.isExecutable(NodeTools.PROJECT.resolve(INIT_SCRIPT))).isTrue();
        assertThat(ServiceStack.asList(localstack.get("volumes")))
                .contains("./" + INIT_SCRIPT + ":/etc/localstack/init/ready.d/create-queues.sh:ro");
        assertThat(Template.map(localstack.get("environment")))
                .containsEntry(
                        "LIGHTPRESS_QUEUE_PREFIX",
                        compose.environment("lightpress").get("LIGHTPRESS_PLATFORM_SQS_QUEUE_PREFIX"));
        assertThat(String.join(
                        " ",
                        ServiceStack.asList(
                                Template.map(localstack.get("healthcheck")).get("test"))))
                .as("healthy once the last queue exists")
                .contains("notifications");
    }
}
