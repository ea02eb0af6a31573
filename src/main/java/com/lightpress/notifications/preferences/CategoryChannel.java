package com.lightpress.notifications.preferences;

/** One category on one channel: the unit users turn on or off. */
public record CategoryChannel(Category category, Channel channel) {}
