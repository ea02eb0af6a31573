package com.lightpress.notifications.messages;

/**
 * A route of the web client, such as {@code #/billing}; emails link to it under the public URL.
 */
public record AppRoute(String route) {}
