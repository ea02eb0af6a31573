package com.lightpress.notifications.web;

import com.lightpress.notifications.stream.NotificationStream;
import com.lightpress.platform.ApiExample;
import com.lightpress.platform.ApiProblems;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * New notifications as Server-Sent Events, for a client that reads the response as a stream with
 * its bearer token (fetch, not EventSource, which cannot send one). Each event is named
 * {@code notification}, carries the notification as JSON and its id as the event id.
 */
@RestController
class StreamController {

    private static final String STREAM_EXAMPLE = ":connected\nretry:3000\n\n"
            + "id:0b3e5c1a-7d2f-4e8b-9a61-5c4d3e2f1a0b\nevent:notification\n"
            + "data:{\"id\":\"0b3e5c1a-7d2f-4e8b-9a61-5c4d3e2f1a0b\",\"category\":\"billing\",\"title\":\"Payment received\","
            + "\"body\":\"We received your payment of $19.00 for Pro. Thank you!\",\"link\":\"/app/#/billing\","
            + "\"createdAt\":\"2026-11-30T09:41:00Z\",\"readAt\":null}\n\n";

    private final NotificationStream stream;

    StreamController(NotificationStream stream) {
        this.stream = stream;
    }

    @Operation(
            summary = "Stream my notifications",
            description =
                    "Server-sent events: each new in-app notification as it arrives. Send Last-Event-ID to receive what was missed since; 429 when the user has too many open streams.")
    @ApiProblems({429})
    @ApiResponse(
            responseCode = "200",
            description = "A stream of events: id, event name and the notification as JSON in data.",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiExample(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, response = STREAM_EXAMPLE)
    @GetMapping(path = "/api/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            AuthenticatedUser user,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        return stream.open(new UserId(user.id()), lastSeen(lastEventId), user.expiresAt());
    }

    private static @Nullable UUID lastSeen(@Nullable String lastEventId) {
        try {
            return lastEventId == null ? null : UUID.fromString(lastEventId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
