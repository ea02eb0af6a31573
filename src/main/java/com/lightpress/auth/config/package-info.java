/** The auth module's settings and its configuration as a whole. */
@NullMarked
package com.lightpress.auth.config;

import org.jspecify.annotations.NullMarked;
