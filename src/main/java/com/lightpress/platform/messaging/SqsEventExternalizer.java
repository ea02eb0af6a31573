package com.lightpress.platform.messaging;

import java.util.concurrent.CompletableFuture;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.support.EventExternalizationTransport;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;

/**
 * Spring Modulith's externalizer on threads of its own ({@link #EXECUTOR}). A send holds its thread
 * until SQS answered, as an asynchronous listener waits for the future it returns. On the executor
 * that every {@code @ApplicationModuleListener} shares (eight threads), an SQS that answered
 * slowly or not at all held all of them, and the process's own listeners stopped until the sends
 * timed out; it also capped a batch at eight sends. The listener keeps Spring Modulith's id, so the
 * publications already recorded for the externalizer are still its own.
 */
class SqsEventExternalizer extends EventExternalizerModuleListener {

    /** The name of the externalizer's executor. */
    static final String EXECUTOR = "eventSendExecutor";

    /** The id the registry knows Spring Modulith's externalizer by. */
    static final String LISTENER_ID = "org.springframework.modulith.events.support.EventExternalizerModuleListener"
            + ".externalize(java.lang.Object)";

    SqsEventExternalizer(EventExternalizationConfiguration configuration, EventExternalizationTransport transport) {
        super(configuration, transport);
    }

    @Override
    @Async(EXECUTOR)
    @ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.SUPPORTS)
    public CompletableFuture<?> externalize(Object event) {
        return super.externalize(event);
    }
}
