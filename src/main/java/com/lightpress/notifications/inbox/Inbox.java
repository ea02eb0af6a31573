package com.lightpress.notifications.inbox;

import com.lightpress.users.UserId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's in-app notifications. */
@Service
@Transactional(readOnly = true)
public class Inbox {

    private final NotificationRepository notifications;

    Inbox(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    public List<NotificationView> of(UserId user) {
        return notifications.findByUserIdOrderByCreatedAtDesc(user).stream()
                .map(Notification::toView)
                .toList();
    }
}
