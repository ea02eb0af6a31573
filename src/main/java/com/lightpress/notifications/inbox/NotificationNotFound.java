package com.lightpress.notifications.inbox;

import java.util.UUID;

/** No notification with this id in the user's inbox; another user's counts as none. */
public class NotificationNotFound extends RuntimeException {

    NotificationNotFound(UUID id) {
        super("No notification " + id + " in this inbox.");
    }
}
