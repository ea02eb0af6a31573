/** The users module's settings and its configuration as a whole. */
@NullMarked
package com.lightpress.users.config;

import org.jspecify.annotations.NullMarked;
