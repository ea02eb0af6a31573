package com.lightpress.notifications.reactions;

import com.lightpress.notifications.inbox.Inbox;
import com.lightpress.notifications.mail.Deliveries;
import com.lightpress.notifications.preferences.NotificationPreferences;
import com.lightpress.users.AccountClosed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Erases everything notifications holds about a user whose account was closed. */
@Component
class AccountReactions {

    private final Inbox inbox;
    private final NotificationPreferences preferences;
    private final Deliveries deliveries;

    AccountReactions(Inbox inbox, NotificationPreferences preferences, Deliveries deliveries) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.deliveries = deliveries;
    }

    /** Inbox, preferences and delivery records go in one transaction; running it again is harmless. */
    @ApplicationModuleListener
    void on(AccountClosed event) {
        inbox.forget(event.userId());
        preferences.forget(event.userId());
        deliveries.forget(event.userId());
    }
}
