package com.lightpress.platform;

import java.util.Set;

/**
 * Typed identifiers a module stores with Spring Data JDBC: records of one component that the
 * database sees as that component. Each module declares the ones its aggregates hold, its own and
 * those of other modules it refers to, as a bean.
 */
public record TypedIdentifiers(Set<Class<? extends Record>> types) {

    @SafeVarargs
    public static TypedIdentifiers of(Class<? extends Record>... types) {
        return new TypedIdentifiers(Set.of(types));
    }
}
