package com.lightpress.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An example of an operation's request body or successful answer that the API document cannot
 * compose from the {@code @Schema(example = ...)} of record fields: a map, a page, an event stream.
 * Every other operation gets its examples from its records, so they are written once.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(ApiExample.List.class)
public @interface ApiExample {

    /** The media type the example is for; JSON types are given as JSON text. */
    String mediaType() default "application/json";

    /** The request body, if the example is of a request. */
    String request() default "";

    /** The successful answer's body, if the example is of an answer. */
    String response() default "";

    /** Several examples of one operation, one per media type and direction. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        ApiExample[] value();
    }
}
