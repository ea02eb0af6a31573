package com.lightpress.notifications.privacy;

import com.lightpress.notifications.inbox.Inbox;
import com.lightpress.notifications.mail.Deliveries;
import com.lightpress.notifications.preferences.NotificationPreferences;
import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The notifications section of a user's data export: their preferences, their inbox and the
 * record of every email sent to them (without bodies, which are not kept once sent).
 */
@Component
class NotificationsPersonalData implements PersonalData {

    private final Inbox inbox;
    private final NotificationPreferences preferences;
    private final Deliveries deliveries;

    NotificationsPersonalData(Inbox inbox, NotificationPreferences preferences, Deliveries deliveries) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.deliveries = deliveries;
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public Object exportFor(UserId user) {
        var export = new LinkedHashMap<String, Object>();
        var chosen = preferences.of(user);
        var quiet = chosen.quietHours();
        export.put(
                "preferences",
                Map.of(
                        "disabled",
                        chosen.disabled(),
                        "quietHours",
                        quiet == null ? Map.of() : Map.of("start", quiet.start(), "end", quiet.end())));
        export.put("inbox", inbox.allOf(user));
        export.put("emails", deliveries.allOf(user));
        return export;
    }
}
