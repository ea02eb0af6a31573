package com.lightpress.notifications.web;

import com.lightpress.notifications.inbox.Inbox;
import com.lightpress.notifications.inbox.InboxPage;
import com.lightpress.notifications.inbox.NotificationView;
import com.lightpress.platform.ApiExample;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's in-app inbox. Pages are newest first and continue from an opaque cursor;
 * a notification of another user answers 404 as if it did not exist.
 */
@RestController
@RequestMapping("/api/notifications")
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @Operation(
            summary = "List my notifications",
            description =
                    "In-app notifications, newest first, a page at a time: pass the nextCursor of a page as cursor to read the next one.")
    @GetMapping
    InboxPage list(
            AuthenticatedUser user,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return inbox.page(id(user), unread, cursor, limit);
    }

    @Operation(summary = "Count my unread notifications", description = "How many in-app notifications are unread.")
    @ApiExample(response = "{\"count\": 3}")
    @GetMapping("/unread-count")
    Map<String, Long> unreadCount(AuthenticatedUser user) {
        return Map.of("count", inbox.unreadCount(id(user)));
    }

    @Operation(
            summary = "Mark a notification read",
            description = "Marks one notification read; repeating it changes nothing.")
    @PostMapping("/{id}/read")
    NotificationView read(AuthenticatedUser user, @PathVariable UUID id) {
        return inbox.markRead(id(user), id);
    }

    @Operation(
            summary = "Mark all notifications read",
            description = "Marks every unread notification read and says how many were.")
    @ApiExample(response = "{\"updated\": 3}")
    @PostMapping("/read-all")
    Map<String, Integer> readAll(AuthenticatedUser user) {
        return Map.of("updated", inbox.markAllRead(id(user)));
    }

    @Operation(summary = "Delete a notification", description = "Removes one notification from the inbox.")
    @ApiResponse(responseCode = "204", description = "The notification is deleted.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(AuthenticatedUser user, @PathVariable UUID id) {
        inbox.delete(id(user), id);
        return ResponseEntity.noContent().build();
    }

    private static UserId id(AuthenticatedUser user) {
        return new UserId(user.id());
    }
}
