package com.lightpress.notifications.preferences;

import java.util.Locale;

/** What a message is about; users choose per category how they want to hear about it. */
public enum Category {
    /** Sign-ins, password changes, suspicious activity: always delivered. */
    SECURITY(true),
    ACCOUNT(false),
    BILLING(false),
    PRODUCT(false);

    private final boolean mandatory;

    Category(boolean mandatory) {
        this.mandatory = mandatory;
    }

    /** Whether users may turn this category off; security messages they may not. */
    public boolean mandatory() {
        return mandatory;
    }

    /** The lower-case name used in the API, in links and in message keys. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Category fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
