package com.lightpress.users.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.IllformedLocaleException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a user asked to change in their profile; a null field stays as it is, an empty avatar URL
 * removes the avatar. {@link #checked()} refuses values that are not what their field needs.
 */
public record ProfileChanges(
        @Schema(example = "Ada King") @Nullable String displayName,

        @Schema(example = "https://images.example.com/ada.png") @Nullable
        String avatarUrl,

        @Schema(example = "en-GB") @Nullable String locale,
        @Schema(example = "Europe/London") @Nullable String timeZone) {

    static final int MAX_NAME = 100;
    static final int MAX_URL = 2048;

    /** The same changes, normalized, or {@link InvalidProfileField} naming the first bad one. */
    public ProfileChanges checked() {
        return new ProfileChanges(name(displayName), avatar(avatarUrl), languageTag(locale), zone(timeZone));
    }

    private static @Nullable String name(@Nullable String value) {
        if (value == null) {
            return null;
        }
        var trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new InvalidProfileField("displayName", "must be 1 to %d characters".formatted(MAX_NAME));
        }
        return trimmed;
    }

    private static @Nullable String avatar(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        try {
            var uri = new URI(value);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && value.length() <= MAX_URL) {
                return value;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new InvalidProfileField("avatarUrl", "must be an https URL");
    }

    private static @Nullable String languageTag(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            var locale = new Locale.Builder().setLanguageTag(value).build();
            if (!locale.getLanguage().isEmpty()) {
                return locale.toLanguageTag();
            }
        } catch (IllformedLocaleException e) {
            // refused below
        }
        throw new InvalidProfileField("locale", "must be a BCP 47 language tag such as en or de-CH");
    }

    private static @Nullable String zone(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            var zone = ZoneId.of(value);
            if ((!(zone instanceof ZoneOffset) && value.contains("/")) || value.equals("UTC")) {
                return zone.getId();
            }
        } catch (DateTimeException e) {
            // refused below
        }
        throw new InvalidProfileField("timeZone", "must be an IANA time zone such as Europe/Berlin");
    }
}
