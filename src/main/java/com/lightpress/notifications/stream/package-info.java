/** The live stream of new notifications (server-sent events). */
@NullMarked
package com.lightpress.notifications.stream;

import org.jspecify.annotations.NullMarked;
