package com.lightpress.platform.messaging;

import com.lightpress.platform.DomainEvent;
import com.lightpress.platform.modules.ModuleActivation;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an event travels over SQS: its JSON as the body, its type, id and schema version as message
 * attributes. Readers ignore fields they do not know, so a publisher may add fields without
 * breaking older consumers; a change that breaks them needs a new schema version.
 */
final class EventMessages {

    static final String TYPE = "lightpress-event-type";
    static final String ID = "lightpress-event-id";
    static final String VERSION = "lightpress-schema-version";
    static final String SCHEMA_VERSION = "1";

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    String body(Object event) {
        return json.writeValueAsString(event);
    }

    Map<String, Object> attributes(Object event) {
        var id = event instanceof DomainEvent domain ? domain.eventId().toString() : "";
        return Map.of(TYPE, event.getClass().getName(), ID, id, VERSION, SCHEMA_VERSION);
    }

    /**
     * The event a message carries, if it is one this process understands: a known schema version
     * and a {@link DomainEvent} from a module's API package.
     */
    Optional<DomainEvent> read(String type, String version, String body) {
        if (!SCHEMA_VERSION.equals(version) || ModuleActivation.moduleOf(type).isEmpty()) {
            return Optional.empty();
        }
        try {
            var eventClass = Class.forName(type, false, EventMessages.class.getClassLoader());
            if (!DomainEvent.class.isAssignableFrom(eventClass)) {
                return Optional.empty();
            }
            return Optional.of((DomainEvent) json.readValue(body, eventClass));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
