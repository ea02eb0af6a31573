package com.lightpress.platform.messaging;

import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.events.LocalListeners;
import com.lightpress.platform.modules.ModuleActivation;
import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.modulith.runtime.ApplicationModulesRuntime;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Events across processes: Spring Modulith's externalizer (a registry-tracked listener, so an
 * event whose send fails is sent again, on threads of its own) with an SQS transport on the way
 * out, the inbox on the way in, and the hand-over of work when modules move between processes.
 * Every process has it, also one that runs every module: that is where a module folded back finds
 * what its old process left. Nothing here touches SQS unless some module runs, or ran, elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    EventRouting eventRouting(ObjectProvider<ApplicationModulesRuntime> modules, ModuleActivation activation) {
        return new EventRouting(() -> modules.getObject().get(), activation);
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
    EventTargets eventTargets(JdbcTemplate jdbc, EventRouting routing, PlatformSettings settings, Clock clock) {
        return new EventTargets(jdbc, routing, settings, clock);
    }

    /**
     * Externalizes what some remote module listens to when it is published, and later what was
     * recorded for it then ({@link EventTargets}), whatever runs where by the time it is sent.
     * The targets are looked up lazily: Spring Modulith asks for this configuration while bean
     * factories are still being post-processed, when the data source cannot be configured yet.
     */
    @Bean
    EventExternalizationConfiguration eventExternalizationConfiguration(
            EventRouting routing, ObjectProvider<EventTargets> targets, PlatformSettings settings) {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> !routing.remoteConsumersOf(event).isEmpty()
                        || !targets.getObject().of(event).isEmpty())
                .routeAll(event -> {
                    var modules = targets.getObject().of(event);
                    var queues = (modules.isEmpty() ? routing.remoteConsumersOf(event) : modules)
                            .stream().map(settings.sqs()::queueOf).toList();
                    return RoutingTarget.forTarget(String.join(",", queues)).withoutKey();
                })
                .build();
    }

    @Bean
    BatchedSends batchedSends(SqsAsyncClient client, PlatformSettings settings) {
        return new BatchedSends(client, settings.sqs().sendBatchWindow());
    }

    /**
     * Sends, in batches, to queues that must exist: the template would otherwise create a missing
     * queue on the fly, without its dead-letter queue.
     */
    @Bean
    SqsTemplate eventSqsTemplate(BatchedSends sends, ObservationRegistry observations) {
        return SqsTemplate.builder()
                .sqsAsyncClient(sends.client())
                .configure(options -> options.queueNotFoundStrategy(QueueNotFoundStrategy.FAIL)
                        .observationRegistry(observations))
                .build();
    }

    /**
     * The externalizer's threads: a send mostly waits for SQS, and waiting there must not hold the
     * threads of the other listeners. Spring Boot's executor for {@code @Async} stays the default
     * ({@code spring.task.execution.mode: force}).
     */
    @Bean(SqsEventExternalizer.EXECUTOR)
    ThreadPoolTaskExecutor eventSendExecutor(ThreadPoolTaskExecutorBuilder builder, PlatformSettings settings) {
        var threads = settings.sqs().sendThreads();
        return builder.corePoolSize(threads)
                .maxPoolSize(threads)
                .threadNamePrefix("event-sends-")
                .build();
    }

    @Bean
    @DependsOn("queueProvisioning")
    EventExternalizerModuleListener sqsEventExternalizer(
            EventExternalizationConfiguration configuration,
            SqsTemplate eventSqsTemplate,
            EventMessages messages,
            EventInbox inbox,
            EventTargets targets,
            ModuleActivation activation,
            PlatformSettings settings) {
        return new SqsEventExternalizer(
                configuration, new SqsEventTransport(eventSqsTemplate, messages, inbox, targets, activation, settings));
    }

    @Bean
    EventInbox eventInbox(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            LocalListeners listeners,
            EventPublicationRegistry registry,
            PlatformSettings settings,
            Clock clock) {
        return new EventInbox(jdbc, transactions, listeners, registry, settings, clock);
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

    @Bean
    ProcessRoster processRoster(
            JdbcConnectionDetails database,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            PlatformSettings settings,
            ModuleActivation activation,
            EventRouting routing,
            Clock clock) {
        return new ProcessRoster(database, jdbc, transactions, settings, activation, routing, clock);
    }

    @Bean
    PublicationHandover publicationHandover(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ProcessRoster roster,
            ModuleActivation activation,
            LocalListeners listeners,
            IncompleteEventPublications publications,
            EventTargets targets,
            PlatformSettings settings,
            Clock clock) {
        return new PublicationHandover(
                jdbc, transactions, roster, activation, listeners, publications, targets, settings, clock);
    }

    @Bean
    @DependsOn("queueProvisioning")
    QueueDrain queueDrain(
            JdbcTemplate jdbc,
            SqsAsyncClient client,
            InboundEvents inbound,
            EventRouting routing,
            ProcessRoster roster,
            ModuleActivation activation,
            PlatformSettings settings) {
        return new QueueDrain(jdbc, client, inbound, routing, roster, activation, settings);
    }

    @Bean
    HandoverSchedule handoverSchedule(ProcessRoster roster, PublicationHandover publications, QueueDrain queues) {
        return new HandoverSchedule(roster, publications, queues);
    }
}
