package com.lightpress.platform.messaging;

import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.modules.ModuleActivation;
import com.lightpress.platform.modules.SomeModuleIsRemote;
import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.modulith.runtime.ApplicationModulesRuntime;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Events across processes, present only when some module runs elsewhere: Spring Modulith's
 * externalizer (a registry-tracked listener, so an event whose send fails is sent again) with an
 * SQS transport on the way out, and the inbox on the way in.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SomeModuleIsRemote.class)
class MessagingConfiguration {

    @Bean
    EventRouting eventRouting(ApplicationModulesRuntime modules, ModuleActivation activation) {
        return new EventRouting(modules, activation);
    }

    @Bean
    EventMessages eventMessages() {
        return new EventMessages();
    }

    @Bean
    QueueProvisioning queueProvisioning(SqsAsyncClient sqs, PlatformSettings settings) {
        return new QueueProvisioning(sqs, settings);
    }

    @Bean
    EventExternalizationConfiguration eventExternalizationConfiguration(
            EventRouting routing, PlatformSettings settings) {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> !routing.remoteConsumersOf(event).isEmpty())
                .routeAll(event -> RoutingTarget.forTarget(String.join(
                                ",",
                                routing.remoteConsumersOf(event).stream()
                                        .map(settings.sqs()::queueOf)
                                        .toList()))
                        .withoutKey())
                .build();
    }

    /**
     * Sends to queues that must exist: the template would otherwise create a missing queue on the
     * fly, without its dead-letter queue.
     */
    @Bean
    SqsTemplate eventSqsTemplate(SqsAsyncClient client, ObservationRegistry observations) {
        return SqsTemplate.builder()
                .sqsAsyncClient(client)
                .configure(options -> options.queueNotFoundStrategy(QueueNotFoundStrategy.FAIL)
                        .observationRegistry(observations))
                .build();
    }

    @Bean
    @DependsOn("queueProvisioning")
    EventExternalizerModuleListener sqsEventExternalizer(
            EventExternalizationConfiguration configuration, SqsTemplate eventSqsTemplate, EventMessages messages) {
        return new EventExternalizerModuleListener(configuration, new SqsEventTransport(eventSqsTemplate, messages));
    }

    @Bean
    EventInbox eventInbox(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            PlatformSettings settings,
            Clock clock) {
        return new EventInbox(jdbc, transactions, events, settings, clock);
    }

    @Bean
    @DependsOn("queueProvisioning")
    InboundEvents inboundEvents(
            SqsAsyncClient client,
            SqsTemplate eventSqsTemplate,
            EventRouting routing,
            EventMessages messages,
            EventInbox inbox,
            PlatformSettings settings,
            JdbcTemplate jdbc,
            ObservationRegistry observations,
            MeterRegistry meters,
            Clock clock) {
        return new InboundEvents(
                client,
                eventSqsTemplate,
                routing,
                messages,
                inbox,
                settings,
                new DatabaseGate(jdbc, clock),
                observations,
                meters,
                clock);
    }

    @Bean
    DeadLetterQueues deadLetterQueues(SqsAsyncClient client, PlatformSettings settings) {
        return new DeadLetterQueues(client, settings);
    }
}
