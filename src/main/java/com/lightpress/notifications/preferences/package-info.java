/** Which notifications a user wants on which channel, quiet hours and one-click unsubscribe. */
@NullMarked
package com.lightpress.notifications.preferences;

import org.jspecify.annotations.NullMarked;
