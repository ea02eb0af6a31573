/** Notifications' HTTP endpoints and how their refusals become problem details. */
@NullMarked
package com.lightpress.notifications.web;

import org.jspecify.annotations.NullMarked;
