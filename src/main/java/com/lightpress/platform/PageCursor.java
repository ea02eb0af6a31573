package com.lightpress.platform;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Where a keyset page ends, handed to clients as an opaque string and back: the sort key values
 * of the last item, encoded the same way by every module. Whatever a client sends instead is a
 * {@link InvalidCursor} (400 naming the {@code cursor} parameter), never a failed query: times
 * outside what the database stores are refused here.
 */
public final class PageCursor {

    private static final String VERSION = "c1";
    private static final String SEPARATOR = "\n";
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final List<String> values;

    private PageCursor(List<String> values) {
        this.values = values;
    }

    /** The cursor after an item with these sort key values (each its {@code toString()}). */
    public static String of(Object... values) {
        var text = VERSION
                + SEPARATOR
                + String.join(
                        SEPARATOR, Arrays.stream(values).map(String::valueOf).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor of {@code size} values, as {@link #of} made it. */
    public static PageCursor parse(String cursor, int size) {
        try {
            var fields = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (fields.length != size + 1
                    || !fields[0].equals(VERSION)
                    || Arrays.stream(fields).anyMatch(PageCursor::hasNul)) {
                throw new InvalidCursor();
            }
            return new PageCursor(List.of(fields).subList(1, fields.length));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor();
        }
    }

    private static boolean hasNul(String field) {
        return field.indexOf('\u0000') >= 0;
    }

    public String text(int index) {
        return values.get(index);
    }

    public UUID uuid(int index) {
        try {
            return UUID.fromString(values.get(index));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor();
        }
    }

    public Instant instant(int index) {
        try {
            var instant = Instant.parse(values.get(index));
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw new InvalidCursor();
            }
            return instant;
        } catch (DateTimeException e) {
            throw new InvalidCursor();
        }
    }

    /** A cursor this API did not make, or one that was changed. */
    public static class InvalidCursor extends RuntimeException {

        InvalidCursor() {
            super("is not a cursor this API returned");
        }
    }
}
