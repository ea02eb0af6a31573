package com.lightpress.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.metrics.CloudWatchExportAutoConfiguration;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * With the settings Lightpress ships, metrics go to CloudWatch only where the deployment turns the
 * export on, and only then is the CloudWatch client built (it costs seconds of every start).
 */
class MetricsExportTests {

    final ApplicationContextRunner shipped = new ApplicationContextRunner()
            .withInitializer(context -> {
                try {
                    new YamlPropertySourceLoader()
                            .load("application.yaml", new ClassPathResource("application.yaml"))
                            .forEach(source -> context.getEnvironment()
                                    .getPropertySources()
                                    .addLast(source));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            })
            .withPropertyValues(
                    "spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test")
            .withConfiguration(AutoConfigurations.of(
                    MetricsAutoConfiguration.class,
                    AwsAutoConfiguration.class,
                    CredentialsProviderAutoConfiguration.class,
                    RegionProviderAutoConfiguration.class,
                    CloudWatchExportAutoConfiguration.class));

    @Test
    void noCloudWatchClientIsBuiltUnlessTheExportIsOn() {
        shipped.run(context -> assertThat(context)
                .doesNotHaveBean(CloudWatchAsyncClient.class)
                .doesNotHaveBean(CloudWatchMeterRegistry.class));
    }

    @Test
    void theDeploymentsSwitchTurnsTheExportOn() {
        shipped.withPropertyValues(
                        "management.cloudwatch.metrics.export.enabled=true",
                        "management.cloudwatch.metrics.export.namespace=Lightpress/test")
                .run(context -> assertThat(context)
                        .hasSingleBean(CloudWatchAsyncClient.class)
                        .hasSingleBean(CloudWatchMeterRegistry.class));
    }
}
