/** Notifications' reactions to the events of the other modules. */
@NullMarked
package com.lightpress.notifications.reactions;

import org.jspecify.annotations.NullMarked;
