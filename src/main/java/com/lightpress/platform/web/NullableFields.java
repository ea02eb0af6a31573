package com.lightpress.platform.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Marks the fields of a record that are {@link Nullable} in the code as nullable in the API
 * document: the packages are null-marked, so every other field is never null, and a client
 * generated from the document knows which fields to check. Fields a record accepts and ignores
 * ({@link JsonIgnoreProperties}) are listed too, since any other unknown field is refused.
 */
final class NullableFields implements ModelConverter {

    @Override
    public @Nullable Schema<?> resolve(
            AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        var schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        var raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (schema == null || !raw.isRecord()) {
            return schema;
        }
        Schema<?> model = schema.get$ref() == null
                ? schema
                : context.getDefinedModels()
                        .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        var ignored = raw.getAnnotation(JsonIgnoreProperties.class);
        if (ignored != null) {
            for (var name : ignored.value()) {
                model.getProperties()
                        .putIfAbsent(
                                name, new Schema<>().description("Accepted and ignored: read-only, may be sent back."));
            }
        }
        for (var component : raw.getRecordComponents()) {
            Schema<?> property = model.getProperties().get(component.getName());
            if (property != null && component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                model.getProperties().put(component.getName(), nullable(property));
            }
        }
        return schema;
    }

    /** OpenAPI 3.0 ignores siblings of a reference, so a nullable reference wraps it in allOf. */
    private static Schema<?> nullable(Schema<?> property) {
        if (property.get$ref() == null) {
            return property.nullable(true);
        }
        return new Schema<>().nullable(true).allOf(List.of(new Schema<>().$ref(property.get$ref())));
    }
}
