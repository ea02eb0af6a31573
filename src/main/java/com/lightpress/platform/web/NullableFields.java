package com.lightpress.platform.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * Marks the fields of a record that are {@link Nullable} in the code as nullable in the API
 * document: the packages are null-marked, so every other field is never null, and a client
 * generated from the document knows which fields to check.
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
        for (var component : raw.getRecordComponents()) {
            Schema<?> property = model.getProperties().get(component.getName());
            if (property != null && component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                property.setNullable(true);
            }
        }
        return schema;
    }
}
