/** Stand-ins for notifications' API where notifications runs in another process. */
@NullMarked
package com.lightpress.notifications.remote;

import org.jspecify.annotations.NullMarked;
