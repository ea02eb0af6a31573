package com.lightpress.users.web;

import java.util.function.LongSupplier;

/** Account versions as HTTP entity tags. */
final class ETags {

    private ETags() {}

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header names; {@code *} means the current one. A missing header is
     * refused, because a write without it could overwrite a change the client never saw.
     */
    static long parse(String ifMatch, LongSupplier current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionMissing();
        }
        var tag = ifMatch.strip();
        if (tag.equals("*")) {
            return current.getAsLong();
        }
        tag = tag.startsWith("W/") ? tag.substring(2) : tag;
        try {
            return Long.parseLong(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A write came without If-Match. */
    static class PreconditionMissing extends RuntimeException {

        PreconditionMissing() {
            super("Send the ETag of the profile you changed in If-Match.");
        }
    }
}
