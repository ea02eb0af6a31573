package com.lightpress.notifications.preferences;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a user chose: the category and channel pairs they turned off, and their quiet hours. A
 * user who never chose anything gets everything, at any hour.
 */
public record ChosenPreferences(
        Set<CategoryChannel> disabled, @Nullable QuietHours quietHours) {

    public static final ChosenPreferences DEFAULTS = new ChosenPreferences(Set.of(), null);

    public ChosenPreferences {
        disabled = Set.copyOf(disabled);
    }

    /** Whether messages of the category go out on the channel; mandatory categories always do. */
    public boolean allows(Category category, Channel channel) {
        return category.mandatory() || !disabled.contains(new CategoryChannel(category, channel));
    }
}
