package com.lightpress.platform.persistence;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.util.ReflectionUtils;

/** Stores a single-component record as its component and reads it back. */
final class TypedIdentifierConverters {

    private TypedIdentifierConverters() {}

    static List<GenericConverter> of(Class<? extends Record> type) {
        var components = type.getRecordComponents();
        if (components.length != 1) {
            throw new IllegalArgumentException(type.getName() + " must have exactly one component");
        }
        return List.of(new Writing(type, components[0]), new Reading(type, components[0]));
    }

    @WritingConverter
    private record Writing(Class<?> type, RecordComponent component) implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(type, component.getType()));
        }

        @Override
        public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null ? null : ReflectionUtils.invokeMethod(component.getAccessor(), source);
        }
    }

    @ReadingConverter
    private record Reading(Class<?> type, RecordComponent component) implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(component.getType(), type));
        }

        @Override
        public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            if (source == null) {
                return null;
            }
            try {
                return type.getDeclaredConstructor(component.getType()).newInstance(source);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create " + type.getName(), e);
            }
        }
    }
}
