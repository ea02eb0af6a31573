package com.lightpress.notifications.messages;

import com.lightpress.notifications.preferences.Channel;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One message to one user, before it is put into their language.
 *
 * @param variant picks the texts of a template that says different things in different cases
 *     (the reason of a security alert, the new status of a subscription)
 * @param values what the template shows: text, {@link java.time.Instant}s, {@link Money} and
 *     {@link AppRoute}s, formatted for the recipient
 */
public record Message(Template template, @Nullable String variant, Set<Channel> channels, Map<String, Object> values) {

    public Message {
        channels = Set.copyOf(channels);
        values = Map.copyOf(values);
    }

    public static Message of(Template template) {
        return new Message(template, null, template.channels(), Map.of());
    }

    public Message with(String name, Object value) {
        var more = new LinkedHashMap<>(values);
        more.put(name, value);
        return new Message(template, variant, channels, more);
    }

    public Message variant(String variant) {
        return new Message(template, variant, channels, values);
    }

    public Message only(Channel channel) {
        return new Message(template, variant, EnumSet.of(channel), values);
    }

    /** The prefix of its message keys. */
    public String key() {
        return variant == null ? template.id() : template.id() + "." + variant;
    }
}
