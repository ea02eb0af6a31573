/**
 * Cross-cutting infrastructure that every business module relies on: module activation, schema
 * migrations, the event registry's housekeeping, security wiring and problem details.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package com.lightpress.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
