package com.lightpress.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a scheduled job that must run on every instance, because it works on what only that
 * instance holds (its open connections, its memory). Every other scheduled job takes a lock in
 * PostgreSQL ({@code @SchedulerLock}) and runs once per deployment; the architecture tests hold
 * every job to one or the other.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EveryInstance {

    /** Why this job cannot run once for all instances. */
    String value();
}
