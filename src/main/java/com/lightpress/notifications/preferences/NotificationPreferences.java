package com.lightpress.notifications.preferences;

import com.lightpress.users.UserId;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes what each user wants to hear about, and how. */
@Service
@Transactional
public class NotificationPreferences {

    private final PreferencesRepository preferences;
    private final Clock clock;

    NotificationPreferences(PreferencesRepository preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ChosenPreferences of(UserId user) {
        return preferences.findById(user).map(Preferences::toChosen).orElse(ChosenPreferences.DEFAULTS);
    }

    /**
     * Replaces a user's choices.
     *
     * @throws MandatoryCategory when the choices turn off a category that cannot be turned off
     */
    public ChosenPreferences choose(UserId user, ChosenPreferences chosen) {
        var current = load(user);
        current.choose(chosen, clock.instant());
        return preferences.save(current).toChosen();
    }

    /** Turns off a category's email for a user who followed an unsubscribe link. */
    public void unsubscribe(UserId user, Category category) {
        var current = load(user);
        current.unsubscribe(category, clock.instant());
        preferences.save(current);
    }

    public void forget(UserId user) {
        preferences.deleteById(user);
    }

    private Preferences load(UserId user) {
        return preferences.findById(user).orElseGet(() -> Preferences.defaults(user, clock.instant()));
    }
}
