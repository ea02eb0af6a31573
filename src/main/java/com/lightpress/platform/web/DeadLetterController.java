package com.lightpress.platform.web;

import com.lightpress.platform.events.DeadLetter;
import com.lightpress.platform.events.DeadLetters;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Dead letters of this process's event registry for admins: list, inspect, replay. In a split
 * deployment each process keeps and serves its own.
 */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Operation(
            summary = "List dead letters",
            description = "Events of this process that failed every retry, newest first.")
    @GetMapping("/api/admin/dead-letters")
    List<DeadLetter> list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return deadLetters.newestFirst(limit);
    }

    @Operation(
            summary = "Read a dead letter",
            description = "One failed event with its listener, its attempts and when it was given up.")
    @GetMapping("/api/admin/dead-letters/{id}")
    DeadLetter show(@PathVariable UUID id) {
        return deadLetters.find(id).orElseThrow(DeadLetterController::notFound);
    }

    /** Replays the dead letter; replaying one that was replayed already answers it unchanged. */
    @Operation(
            summary = "Replay a dead letter",
            description =
                    "Hands the event to its listener again; replaying one that was replayed already answers it unchanged.")
    @PostMapping("/api/admin/dead-letters/{id}/replay")
    DeadLetter replay(@PathVariable UUID id) {
        return deadLetters.replay(id).orElseThrow(DeadLetterController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such dead letter.");
    }
}
