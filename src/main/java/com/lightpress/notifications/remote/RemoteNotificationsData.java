package com.lightpress.notifications.remote;

import com.lightpress.platform.InternalApi;
import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Notifications' part of a user's data export (preferences, inbox, emails sent) when notifications runs in another process: the export, wherever users runs, asks notifications's
 * internal endpoint for it, so the document is whole however the modules are split.
 */
@Component
class RemoteNotificationsData implements PersonalData {

    private final InternalApi api;

    RemoteNotificationsData(InternalApi api) {
        this.api = api;
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public Object exportFor(UserId user) {
        return api.get("notifications", "/internal/notifications/personal-data/{userId}", Object.class, user.value())
                .orElse(Map.of());
    }
}
