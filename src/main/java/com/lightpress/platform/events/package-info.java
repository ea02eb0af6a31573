/**
 * The event publication registry's housekeeping: retries with backoff, dead letters and metrics.
 */
@NullMarked
package com.lightpress.platform.events;

import org.jspecify.annotations.NullMarked;
