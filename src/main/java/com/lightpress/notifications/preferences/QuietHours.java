package com.lightpress.notifications.preferences;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A daily window, in the user's own time zone, in which email that can wait is held back. The
 * window may span midnight (22:00 to 07:00); it starts at {@code start} and ends just before
 * {@code end}.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("Quiet hours must start and end at different times");
        }
    }

    /** When the window that contains {@code now} ends, or empty when {@code now} is outside it. */
    public Optional<Instant> endOfWindowAround(Instant now, ZoneId zone) {
        var local = now.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return Optional.empty();
        }
        var end = ZonedDateTime.of(local.toLocalDate(), this.end, zone);
        if (!end.isAfter(local)) {
            end = ZonedDateTime.of(local.toLocalDate().plusDays(1), this.end, zone);
        }
        return Optional.of(end.toInstant());
    }

    boolean contains(LocalTime time) {
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }
}
