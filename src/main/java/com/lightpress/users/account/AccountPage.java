package com.lightpress.users.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One page of an account search, with the opaque cursor of the next page (null on the last page).
 */
public record AccountPage(List<AccountView> items, @Nullable String nextCursor) {

    static final UUID FIRST_ID = new UUID(0, 0);

    /** Where a page starts: after this email and id, in email order. */
    record Cursor(String email, UUID id) {

        static final Cursor START = new Cursor("", FIRST_ID);

        static Cursor decode(@Nullable String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return START;
            }
            try {
                var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                var split = text.lastIndexOf('\n');
                return new Cursor(text.substring(0, split), UUID.fromString(text.substring(split + 1)));
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw new InvalidProfileField("cursor", "is not a cursor this API returned");
            }
        }

        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((email + "\n" + id).getBytes(StandardCharsets.UTF_8));
        }
    }
}
