package com.lightpress.notifications.preferences;

/** How a message reaches its recipient. */
public enum Channel {
    EMAIL,
    IN_APP
}
