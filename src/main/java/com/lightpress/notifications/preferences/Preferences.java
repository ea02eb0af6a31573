package com.lightpress.notifications.preferences;

import com.lightpress.users.UserId;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A user's choices about notifications; it exists once they changed anything. */
@Table(schema = "notifications", name = "preferences")
class Preferences {

    @Id
    private final UserId userId;

    @MappedCollection(idColumn = "user_id")
    private Set<OptOut> optOuts;

    private @Nullable LocalTime quietStart;
    private @Nullable LocalTime quietEnd;
    private Instant updatedAt;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Preferences(
            UserId userId,
            Set<OptOut> optOuts,
            @Nullable LocalTime quietStart,
            @Nullable LocalTime quietEnd,
            Instant updatedAt,
            @Nullable Long version) {
        this.userId = userId;
        this.optOuts = optOuts;
        this.quietStart = quietStart;
        this.quietEnd = quietEnd;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    static Preferences defaults(UserId userId, Instant now) {
        return new Preferences(userId, new HashSet<>(), null, null, now, null);
    }

    /** Replaces every choice; turning off a mandatory category is refused. */
    void choose(ChosenPreferences chosen, Instant now) {
        chosen.disabled().stream()
                .filter(choice -> choice.category().mandatory())
                .findFirst()
                .ifPresent(choice -> {
                    throw new MandatoryCategory(choice.category());
                });
        optOuts = chosen.disabled().stream().map(OptOut::of).collect(Collectors.toCollection(HashSet::new));
        var quiet = chosen.quietHours();
        quietStart = quiet == null ? null : quiet.start();
        quietEnd = quiet == null ? null : quiet.end();
        updatedAt = now;
    }

    /** Turns off one category's email, as an unsubscribe link asks. */
    void unsubscribe(Category category, Instant now) {
        if (category.mandatory()) {
            throw new MandatoryCategory(category);
        }
        optOuts.add(new OptOut(category, Channel.EMAIL));
        updatedAt = now;
    }

    ChosenPreferences toChosen() {
        var disabled = optOuts.stream().map(OptOut::toChoice).collect(Collectors.toSet());
        var quiet = quietStart == null || quietEnd == null ? null : new QuietHours(quietStart, quietEnd);
        return new ChosenPreferences(disabled, quiet);
    }
}
