package com.lightpress.notifications.web;

import com.lightpress.notifications.inbox.Inbox;
import com.lightpress.notifications.inbox.NotificationView;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.UserId;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's in-app inbox. */
@RestController
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/notifications")
    List<NotificationView> list(AuthenticatedUser user) {
        return inbox.of(new UserId(user.id()));
    }
}
