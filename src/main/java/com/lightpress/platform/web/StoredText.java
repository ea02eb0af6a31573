package com.lightpress.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Reads JSON strings as Jackson does, refusing the NUL character, which PostgreSQL cannot store
 * in text: the client gets a 400 naming the field instead of a failed insert.
 */
final class StoredText extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        var text = super.deserialize(parser, context);
        if (text != null && text.indexOf('\u0000') >= 0) {
            return (String) context.reportInputMismatch(this, "Text may not contain the NUL character");
        }
        return text;
    }
}
