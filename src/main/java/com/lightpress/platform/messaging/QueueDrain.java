package com.lightpress.platform.messaging;

import com.lightpress.platform.PlatformSettings;
import com.lightpress.platform.modules.ModuleActivation;
import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Reads the queue of a local module that no process of this layout sends to any more, but that
 * some process once sent to ({@code lightpress_shared.queues_in_use}): the module was folded back
 * here, and its queue may still hold events, or receive some from processes of the old layout that
 * are still shutting down. It reads the queue until no live process sends to it and the queue has
 * been found empty twice in a row, then forgets the queue. A process whose modules never ran
 * apart never touches SQS.
 */
class QueueDrain implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDrain.class);

    private static final String QUEUES_IN_USE = PlatformSettings.SHARED_SCHEMA + ".queues_in_use";

    private final JdbcTemplate jdbc;
    private final SqsAsyncClient sqs;
    private final InboundEvents inbound;
    private final EventRouting routing;
    private final ProcessRoster roster;
    private final ModuleActivation activation;
    private final PlatformSettings.Sqs settings;
    private final Map<String, SqsMessageListenerContainer<String>> draining = new HashMap<>();
    private final Set<String> foundEmpty = new HashSet<>();
    private boolean running;

    QueueDrain(
            JdbcTemplate jdbc,
            SqsAsyncClient sqs,
            InboundEvents inbound,
            EventRouting routing,
            ProcessRoster roster,
            ModuleActivation activation,
            PlatformSettings settings) {
        this.jdbc = jdbc;
        this.sqs = sqs;
        this.inbound = inbound;
        this.routing = routing;
        this.roster = roster;
        this.activation = activation;
        this.settings = settings.sqs();
    }

    @Override
    public synchronized void start() {
        running = true;
        check();
    }

    @Override
    public synchronized void stop() {
        running = false;
        List.copyOf(draining.keySet()).forEach(this::stopDraining);
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /** Starts reading the queues that may hold events, and stops reading those that are done. */
    synchronized void check() {
        if (!running || (draining.isEmpty() && noneInUse())) {
            return;
        }
        for (var module : drainable()) {
            var queue = settings.queueOf(module);
            try {
                check(module, queue);
            } catch (RuntimeException e) {
                LOG.warn("Cannot drain {} now; trying again later", queue, e);
            }
        }
    }

    private void check(String module, String queue) {
        if (!isInUse(queue)) {
            stopDraining(queue);
        } else if (!draining.containsKey(queue)) {
            var container = inbound.containerFor(List.of(queue));
            container.start();
            draining.put(queue, container);
            LOG.info("Draining {}: {} runs here now, and the queue may still hold its events", queue, module);
        } else if (!someoneSendsTo(module) && isEmpty(queue)) {
            if (!foundEmpty.add(queue)) {
                jdbc.update("DELETE FROM " + QUEUES_IN_USE + " WHERE queue = ?", queue);
                stopDraining(queue);
                LOG.info("Drained {}: nothing sends to it any more", queue);
            }
        } else {
            foundEmpty.remove(queue);
        }
    }

    /** Local modules that listen to others' events, whose queue no remote publisher feeds. */
    private List<String> drainable() {
        var fed = routing.localModulesListeningToRemoteEvents();
        return activation.local().stream()
                .filter(module -> !routing.publishersListenedToBy(module).isEmpty())
                .filter(module -> !fed.contains(module))
                .toList();
    }

    private boolean someoneSendsTo(String module) {
        var publishers = routing.publishersListenedToBy(module);
        return roster.live().stream()
                .anyMatch(member -> !member.modules().contains(module)
                        && publishers.stream().anyMatch(member.modules()::contains));
    }

    /**
     * Whether no process ever sent to any queue: then there is nothing to drain, and this process
     * need not build the module model to find out. Unsure (no connection now) counts as no.
     */
    private boolean noneInUse() {
        try {
            return Boolean.FALSE.equals(
                    jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + QUEUES_IN_USE + ")", Boolean.class));
        } catch (DataAccessException e) {
            return false;
        }
    }

    private boolean isInUse(String queue) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM " + QUEUES_IN_USE + " WHERE queue = ?)", Boolean.class, queue));
    }

    private boolean isEmpty(String queue) {
        var url = sqs.getQueueUrl(request -> request.queueName(queue)).join().queueUrl();
        var counts = sqs.getQueueAttributes(request -> request.queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .join()
                .attributes();
        return counts.values().stream().allMatch("0"::equals);
    }

    private void stopDraining(String queue) {
        foundEmpty.remove(queue);
        var container = draining.remove(queue);
        if (container != null) {
            container.stop();
        }
    }
}
