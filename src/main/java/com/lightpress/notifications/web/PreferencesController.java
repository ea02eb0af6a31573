package com.lightpress.notifications.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.lightpress.notifications.preferences.Category;
import com.lightpress.notifications.preferences.CategoryChannel;
import com.lightpress.notifications.preferences.Channel;
import com.lightpress.notifications.preferences.ChosenPreferences;
import com.lightpress.notifications.preferences.NotificationPreferences;
import com.lightpress.notifications.preferences.QuietHours;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.UserAccounts;
import com.lightpress.users.UserId;
import com.lightpress.users.UserProfile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's notification preferences: each category on each channel, and quiet hours
 * in their own time zone. Security notifications cannot be turned off.
 */
@RestController
@RequestMapping("/api/notifications/preferences")
class PreferencesController {

    static final String CATEGORIES_EXAMPLE = "{\"security\": {\"email\": true, \"inApp\": true},"
            + " \"account\": {\"email\": true, \"inApp\": true}, \"billing\": {\"email\": true, \"inApp\": true},"
            + " \"product\": {\"email\": false, \"inApp\": true}}";

    private final NotificationPreferences preferences;
    private final UserAccounts users;

    PreferencesController(NotificationPreferences preferences, UserAccounts users) {
        this.preferences = preferences;
        this.users = users;
    }

    @Operation(summary = "Read my notification preferences", description = "Channels per category and quiet hours.")
    @GetMapping
    PreferencesBody get(AuthenticatedUser user) {
        var id = new UserId(user.id());
        return PreferencesBody.of(preferences.of(id), timeZone(id));
    }

    /** Replaces every choice; a category the body leaves out is on. */
    @Operation(
            summary = "Set my notification preferences",
            description =
                    "Replaces the preferences; 400 when a mandatory category would be turned off or the quiet hours are invalid.")
    @PutMapping
    PreferencesBody put(AuthenticatedUser user, @Valid @RequestBody PreferencesChange change) {
        var id = new UserId(user.id());
        return PreferencesBody.of(preferences.choose(id, change.toChosen()), timeZone(id));
    }

    private String timeZone(UserId id) {
        return users.findProfile(id).map(UserProfile::timeZone).orElse("UTC");
    }

    /** One category on both channels. */
    record Channels(@NotNull Boolean email, @NotNull Boolean inApp) {}

    /** Quiet hours as local times of day, {@code "22:00"}. */
    record Hours(
            @Schema(example = "22:00:00") @NotNull LocalTime start,
            @Schema(example = "07:00:00") @NotNull LocalTime end) {}

    /**
     * What the client reads: every category with its channels, the categories that cannot be
     * turned off, the quiet hours and the time zone they are in.
     */
    record PreferencesBody(
            @Schema(example = CATEGORIES_EXAMPLE) Map<String, Channels> categories,
            @Schema(example = "[\"security\"]") List<String> mandatory,
            @Nullable Hours quietHours,
            @Schema(example = "Europe/London") String timeZone) {

        static PreferencesBody of(ChosenPreferences chosen, String timeZone) {
            var categories = new LinkedHashMap<String, Channels>();
            for (var category : Category.values()) {
                categories.put(
                        category.key(),
                        new Channels(chosen.allows(category, Channel.EMAIL), chosen.allows(category, Channel.IN_APP)));
            }
            var mandatory = Arrays.stream(Category.values())
                    .filter(Category::mandatory)
                    .map(Category::key)
                    .toList();
            var quiet = chosen.quietHours();
            return new PreferencesBody(
                    categories, mandatory, quiet == null ? null : new Hours(quiet.start(), quiet.end()), timeZone);
        }
    }

    /** What the client sends; the read-only fields of what it read may come back and are ignored. */
    @JsonIgnoreProperties({"mandatory", "timeZone"})
    record PreferencesChange(
            @NotNull @Valid Categories categories,
            @Valid @Nullable Hours quietHours) {

        ChosenPreferences toChosen() {
            var disabled = new HashSet<CategoryChannel>();
            categories.byCategory().forEach((category, channels) -> {
                if (channels != null && !channels.email()) {
                    disabled.add(new CategoryChannel(category, Channel.EMAIL));
                }
                if (channels != null && !channels.inApp()) {
                    disabled.add(new CategoryChannel(category, Channel.IN_APP));
                }
            });
            if (quietHours != null && quietHours.start().equals(quietHours.end())) {
                throw new InvalidQuietHours();
            }
            return new ChosenPreferences(
                    disabled, quietHours == null ? null : new QuietHours(quietHours.start(), quietHours.end()));
        }
    }

    /** The categories by name; one left out is on for both channels. */
    record Categories(
            @Valid @Nullable Channels security,
            @Valid @Nullable Channels account,
            @Valid @Nullable Channels billing,
            @Valid @Nullable Channels product) {

        Map<Category, @Nullable Channels> byCategory() {
            var map = new LinkedHashMap<Category, @Nullable Channels>();
            map.put(Category.SECURITY, security);
            map.put(Category.ACCOUNT, account);
            map.put(Category.BILLING, billing);
            map.put(Category.PRODUCT, product);
            return map;
        }
    }

    /** Quiet hours that start when they end. */
    static class InvalidQuietHours extends RuntimeException {

        InvalidQuietHours() {
            super("must differ from start");
        }
    }
}
