package com.lightpress.platform.web;

import com.lightpress.platform.messaging.DeadLetterQueues;
import com.lightpress.platform.modules.ModuleActivation;
import com.lightpress.platform.modules.SomeModuleIsRemote;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The modules' queues for admins: how full they and their dead-letter queues are, and the redrive
 * of a dead-letter queue once its cause is fixed. Present only where events travel over SQS.
 */
@RestController
@Conditional(SomeModuleIsRemote.class)
class QueueAdminController {

    private final DeadLetterQueues queues;

    QueueAdminController(DeadLetterQueues queues) {
        this.queues = queues;
    }

    @Operation(
            summary = "List the event queues",
            description =
                    "How many messages wait in each module's queue and its dead-letter queue. Present only when some module runs in another process.")
    @GetMapping("/api/admin/queues")
    List<DeadLetterQueues.QueueState> list() {
        return queues.states();
    }

    @Operation(
            summary = "Redrive a dead-letter queue",
            description =
                    "Moves the messages of a module's dead-letter queue back to its queue, once the cause is fixed.")
    @PostMapping("/api/admin/queues/{module}/redrive")
    Redriven redrive(@PathVariable String module) {
        if (!ModuleActivation.MODULES.contains(module)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No queue for module " + module + ".");
        }
        return new Redriven(module, queues.redrive(module));
    }

    /** How many messages a redrive moved back to the module's queue. */
    record Redriven(String module, int messages) {}
}
