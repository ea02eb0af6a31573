/** The settings and configuration of the notifications module. */
@NullMarked
package com.lightpress.notifications.config;

import org.jspecify.annotations.NullMarked;
