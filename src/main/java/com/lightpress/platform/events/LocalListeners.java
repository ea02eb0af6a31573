package com.lightpress.platform.events;

import com.lightpress.platform.modules.ModuleActivation;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;

/**
 * The registry-tracked listeners of this process (those that run after the publishing
 * transaction commits, as {@code @ApplicationModuleListener}s do), by the ids the event
 * publication registry knows them by. A publication whose listener is not among them belongs to a
 * module that runs in another process: resubmitting it here could only fail. The externalizer
 * runs in every process, but sends an event only where the module that published it runs: a
 * process that no longer runs that module leaves the sending to the process that does, whose
 * permissions cover it.
 */
@Component
public class LocalListeners {

    private static final String EXTERNALIZER = EventExternalizerModuleListener.class.getName() + ".";

    private final AbstractApplicationContext context;
    private final ModuleActivation activation;

    LocalListeners(ApplicationContext context, ModuleActivation activation) {
        this.context = (AbstractApplicationContext) context;
        this.activation = activation;
    }

    /** Whether this process has the listener of a publication. */
    public boolean canRun(EventPublication publication) {
        return publication instanceof TargetEventPublication target
                && canRun(
                        target.getTargetIdentifier().getValue(),
                        publication.getEvent().getClass().getName());
    }

    /** Whether this process runs the listener of a publication of the given event type. */
    public boolean canRun(String listenerId, String eventType) {
        return ids().contains(listenerId)
                && (!isExternalizer(listenerId)
                        || ModuleActivation.moduleOf(eventType)
                                .map(activation::isLocal)
                                .orElse(true));
    }

    /** Whether the listener is Spring Modulith's externalizer, which sends events to other processes. */
    public static boolean isExternalizer(String listenerId) {
        return listenerId.startsWith(EXTERNALIZER);
    }

    /** The listeners of the given module in this process that take the event. */
    public List<TransactionalApplicationListener<ApplicationEvent>> of(String module, Object event) {
        var type = ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, event.getClass());
        return all().filter(listener -> ModuleActivation.moduleOf(listener.getListenerId())
                        .filter(module::equals)
                        .isPresent())
                .filter(listener ->
                        listener instanceof GenericApplicationListener generic && generic.supportsEventType(type))
                .toList();
    }

    public Set<String> ids() {
        return all().map(TransactionalApplicationListener::getListenerId).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private Stream<TransactionalApplicationListener<ApplicationEvent>> all() {
        return context.getApplicationListeners().stream()
                .filter(TransactionalApplicationListener.class::isInstance)
                .map(listener -> (TransactionalApplicationListener<ApplicationEvent>) listener)
                .filter(listener -> listener.getTransactionPhase() == TransactionPhase.AFTER_COMMIT);
    }
}
