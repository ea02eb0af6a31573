/** In-app notifications: the inbox of each user. */
@NullMarked
package com.lightpress.notifications.inbox;

import org.jspecify.annotations.NullMarked;
