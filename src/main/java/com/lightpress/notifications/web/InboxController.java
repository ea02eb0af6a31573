package com.lightpress.notifications.web;

import com.lightpress.notifications.inbox.Inbox;
import com.lightpress.notifications.inbox.InboxPage;
import com.lightpress.notifications.inbox.NotificationView;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.UserId;
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

    @GetMapping
    InboxPage list(
            AuthenticatedUser user,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return inbox.page(id(user), unread, cursor, limit);
    }

    @GetMapping("/unread-count")
    Map<String, Long> unreadCount(AuthenticatedUser user) {
        return Map.of("count", inbox.unreadCount(id(user)));
    }

    @PostMapping("/{id}/read")
    NotificationView read(AuthenticatedUser user, @PathVariable UUID id) {
        return inbox.markRead(id(user), id);
    }

    @PostMapping("/read-all")
    Map<String, Integer> readAll(AuthenticatedUser user) {
        return Map.of("updated", inbox.markAllRead(id(user)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(AuthenticatedUser user, @PathVariable UUID id) {
        inbox.delete(id(user), id);
        return ResponseEntity.noContent().build();
    }

    private static UserId id(AuthenticatedUser user) {
        return new UserId(user.id());
    }
}
