package com.lightpress.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem answers an operation gives beyond those the platform documents for every operation
 * of its kind (400, 401, 403, 404, 503): the API document lists them with the problem-details
 * schema, and the contract tests refuse any status an operation answers that it does not list.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiProblems {

    /** HTTP statuses, such as 409 for a conflict or 429 for a client that must slow down. */
    int[] value();
}
