package com.lightpress.notifications.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in an inbox, between two notifications in the order newest first. Clients get it as
 * an opaque string and hand it back for the next page.
 */
record InboxCursor(Instant createdAt, UUID id) {

    /** Before every notification there is. */
    static final InboxCursor START = new InboxCursor(Instant.parse("9999-12-31T23:59:59Z"), new UUID(-1L, -1L));

    private static final String VERSION = "v1";

    static InboxCursor after(Notification notification) {
        var view = notification.toView();
        return new InboxCursor(view.createdAt(), view.id());
    }

    /**
     * Reads a cursor a client handed back.
     *
     * @throws InvalidCursor when it is not a cursor this inbox made
     */
    static InboxCursor parse(String text) {
        try {
            var fields = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":", -1);
            if (fields.length != 3 || !fields[0].equals(VERSION)) {
                throw new InvalidCursor();
            }
            var createdAt = Instant.EPOCH.plus(Long.parseLong(fields[1]), ChronoUnit.MICROS);
            return new InboxCursor(createdAt, UUID.fromString(fields[2]));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor();
        }
    }

    String encode() {
        var micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        var text = VERSION + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
