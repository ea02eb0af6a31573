package com.lightpress.notifications.messages;

import org.jspecify.annotations.Nullable;

/** An in-app notification's texts in its recipient's language. */
public record RenderedNotice(
        String title, String body, @Nullable String link) {}
