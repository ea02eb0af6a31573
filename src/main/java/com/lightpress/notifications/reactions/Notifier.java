package com.lightpress.notifications.reactions;

import com.lightpress.notifications.inbox.Inbox;
import com.lightpress.notifications.inbox.NewNotification;
import com.lightpress.notifications.mail.Deliveries;
import com.lightpress.notifications.mail.DeliveryRequest;
import com.lightpress.notifications.messages.Message;
import com.lightpress.notifications.messages.MessageRenderer;
import com.lightpress.notifications.messages.RecipientFormat;
import com.lightpress.notifications.preferences.Channel;
import com.lightpress.notifications.preferences.ChosenPreferences;
import com.lightpress.notifications.preferences.NotificationPreferences;
import com.lightpress.notifications.preferences.UnsubscribeTokens;
import com.lightpress.platform.PlatformSettings;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import com.lightpress.users.UserProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Delivers the message an event asks for to its recipient, on the channels they want, in their
 * language, at an hour they accept. Critical messages ignore preferences and quiet hours. Every
 * step is idempotent per event, so a listener that failed halfway can simply run again.
 */
@Component
class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final UserAccounts users;
    private final NotificationPreferences preferences;
    private final Inbox inbox;
    private final Deliveries deliveries;
    private final MessageRenderer renderer;
    private final UnsubscribeTokens unsubscribeTokens;
    private final String unsubscribeUrl;
    private final Clock clock;

    Notifier(
            UserAccounts users,
            NotificationPreferences preferences,
            Inbox inbox,
            Deliveries deliveries,
            MessageRenderer renderer,
            UnsubscribeTokens unsubscribeTokens,
            PlatformSettings platform,
            Clock clock) {
        this.users = users;
        this.preferences = preferences;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.renderer = renderer;
        this.unsubscribeTokens = unsubscribeTokens;
        this.unsubscribeUrl = platform.link("/api/notifications/unsubscribe?token=");
        this.clock = clock;
    }

    /** Sends the message; a recipient whose account no longer exists is skipped quietly. */
    void notify(UUID eventId, UserId recipient, Message message) {
        var profile = users.findProfile(recipient);
        if (profile.isEmpty()) {
            LOG.debug("No profile for {}: {} of event {} skipped", recipient, message.key(), eventId);
            return;
        }
        var chosen = preferences.of(recipient);
        if (wants(message, chosen, Channel.IN_APP)) {
            inApp(eventId, profile.get(), message);
        }
        if (wants(message, chosen, Channel.EMAIL)) {
            email(eventId, profile.get(), message, chosen);
        }
    }

    private static boolean wants(Message message, ChosenPreferences chosen, Channel channel) {
        var template = message.template();
        return message.channels().contains(channel)
                && (template.critical() || chosen.allows(template.category(), channel));
    }

    private void inApp(UUID eventId, UserProfile to, Message message) {
        var notice = renderer.notice(message, to);
        var template = message.template();
        try {
            inbox.deliver(new NewNotification(
                    eventId,
                    template.id(),
                    to.id(),
                    template.category().key(),
                    notice.title(),
                    notice.body(),
                    notice.link()));
        } catch (DuplicateKeyException e) {
            LOG.debug("A concurrent run of event {} put {} into the inbox already", eventId, template.id());
        }
    }

    private void email(UUID eventId, UserProfile to, Message message, ChosenPreferences chosen) {
        var template = message.template();
        var unsubscribe =
                template.critical() ? null : unsubscribeUrl + unsubscribeTokens.tokenFor(to.id(), template.category());
        var email = renderer.email(message, to, unsubscribe);
        var request = new DeliveryRequest(
                eventId, template.id(), to.id(), template.category().key(), email, heldBackUntil(message, to, chosen));
        deliveries.send(deliveries.record(request));
    }

    private @Nullable Instant heldBackUntil(Message message, UserProfile to, ChosenPreferences chosen) {
        var quiet = chosen.quietHours();
        if (message.template().critical() || quiet == null) {
            return null;
        }
        return quiet.endOfWindowAround(clock.instant(), RecipientFormat.zone(to.timeZone()))
                .orElse(null);
    }
}
