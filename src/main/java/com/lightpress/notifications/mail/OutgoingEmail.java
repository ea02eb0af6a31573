package com.lightpress.notifications.mail;

import org.jspecify.annotations.Nullable;

/**
 * An email ready to send, in its recipient's language.
 *
 * @param unsubscribeUrl the one-click unsubscribe link of a message users may turn off, or null
 *     for one they may not
 */
public record OutgoingEmail(
        String to,
        String subject,
        String html,
        String text,
        @Nullable String unsubscribeUrl) {}
