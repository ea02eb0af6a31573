/** Persistence wiring: locked schema migrations, their shared history and typed identifiers. */
@NullMarked
package com.lightpress.platform.persistence;

import org.jspecify.annotations.NullMarked;
